package com.alai.cloud.services.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.backup.local.Azurite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dumps made by the job restore and verify clean against Azurite (npm `azurite`, the real Blob API on 127.0.0.1)
 * through the official SDK; a corrupted dump and a table missing from the backup are caught.
 */
class BackupVerifyTest {
    static Azurite azurite;
    static EmbeddedPostgres pg;
    static BlobStore store;
    static String server;
    static int clockSeconds;

    @BeforeAll
    static void start() throws Exception {
        azurite = Azurite.start(Files.createTempDirectory("backup-verify"), "alaitest");
        store = BlobStore.withConnectionString(azurite.connectionString(), BackupConfig.DEFAULT_CONTAINER);
        pg = EmbeddedPostgres.builder().start();
        server = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
        sql("postgres", "CREATE DATABASE mission_control");
        sql("postgres", "CREATE DATABASE hivemind");
        sql("mission_control", "CREATE TABLE tasks (id bigint PRIMARY KEY, title text NOT NULL, tags text[], extra jsonb, closed_at timestamptz)");
        sql("mission_control", "INSERT INTO tasks SELECT g, 'task ' || g || E' \\t tab \\n newline 🚀 \\\\ back', ARRAY['a','b'],"
                + " jsonb_build_object('n', g), CASE WHEN g % 3 = 0 THEN now() END FROM generate_series(1, 5000) g");
        sql("hivemind", "CREATE SCHEMA legacy_hivemind");
        sql("hivemind", "CREATE TABLE legacy_hivemind.messages (_rowid bigint, topic text, payload text)");
        sql("hivemind", "INSERT INTO legacy_hivemind.messages SELECT g, 'mc.tasks', '{\"seq\":' || g || '}' FROM generate_series(1, 300) g");
    }

    @AfterAll
    static void stop() throws Exception {
        azurite.close();
        pg.close();
    }

    static void sql(String db, String statement) throws Exception {
        try (Connection c = pg.getDatabase("postgres", db).getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static Manifest dump() throws Exception {
        // Each dump gets its own second, so "newest" is well defined.
        var clock = Clock.fixed(Instant.parse("2026-11-22T02:30:00Z").plusSeconds(clockSeconds++), ZoneOffset.UTC);
        return new Dumper(store, clock, line -> { }).dump(server, "postgres", "", List.of("mission_control", "hivemind"));
    }

    @Test
    void aDumpMadeByTheJobRestoresAndVerifiesClean() throws Exception {
        Manifest manifest = dump();
        assertThat(manifest.databases().get("mission_control")).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(5000));
        VerifyReport report = new Verifier(store, line -> { }).verify(server, "postgres", "", manifest.prefix(), 100);
        assertThat(report.problems()).isEmpty();
        assertThat(report.tables()).hasSize(2).allSatisfy(t -> {
            assertThat(t.ok()).as(t.table() + " " + t.message()).isTrue();
            assertThat(t.sampleRows()).isPositive();
        });
        assertThat(report.clean()).isTrue();
    }

    @Test
    void theJobTakesItsSettingsFromTheEnvironmentAndItsDumpVerifies() throws Exception {
        var config = BackupConfig.from(new Env(Map.of("DATABASE_URL", server + "postgres", "DATABASE_USER", "postgres",
                "DATABASES", "mission_control, hivemind", "AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString())));
        assertThat(config.toString()).doesNotContain(azurite.accountKey());
        Manifest manifest = BackupJob.run(config, new JsonLog("backup-job"));
        assertThat(new Verifier(store, line -> { }).verify(server, "postgres", "", manifest.prefix(), 10).clean()).isTrue();
    }

    @Test
    void aMissingOrInvalidSettingNamesItsVariable() {
        var base = Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/postgres", "DATABASE_USER", "u", "DATABASES", "a,b");
        assertThatThrownBy(() -> BackupConfig.from(new Env(base))).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("BLOB_ENDPOINT: ");
        var bad = new java.util.HashMap<>(base);
        bad.put("DATABASES", "a; DROP");
        bad.put("AZURE_STORAGE_CONNECTION_STRING", "x");
        assertThatThrownBy(() -> BackupConfig.from(new Env(bad))).hasMessageStartingWith("DATABASES: ");
        bad.remove("DATABASE_USER");
        bad.put("DATABASES", "a");
        assertThatThrownBy(() -> BackupConfig.from(new Env(bad))).hasMessage("DATABASE_USER: is required but not set");
    }

    @Test
    void verifyTakesTheNewestBackup() throws Exception {
        dump();
        Manifest second = dump();
        assertThat(new Verifier(store, line -> { }).newest()).isEqualTo(second.prefix());
    }

    @Test
    void aCorruptedDumpFailsVerification() throws Exception {
        Manifest manifest = dump();
        TableDump tasks = manifest.databases().get("mission_control").get(0);
        byte[] bytes = store.download(tasks.blob());
        bytes[bytes.length / 2] ^= 0x5a;
        store.upload(tasks.blob(), bytes);
        VerifyReport report = new Verifier(store, line -> { }).verify(server, "postgres", "", manifest.prefix(), 100);
        assertThat(report.clean()).isFalse();
        assertThat(report.tables()).anyMatch(t -> t.table().equals("public.tasks") && !t.ok());
    }

    @Test
    void aTableMissingFromTheBackupFailsVerification() throws Exception {
        Manifest manifest = dump();
        sql("mission_control", "CREATE TABLE IF NOT EXISTS task_comments (id bigint PRIMARY KEY, body text)");
        try {
            VerifyReport report = new Verifier(store, line -> { }).verify(server, "postgres", "", manifest.prefix(), 100);
            assertThat(report.clean()).isFalse();
            assertThat(report.problems()).anyMatch(p -> p.contains("public.task_comments") && p.contains("not in the backup"));
        } finally {
            sql("mission_control", "DROP TABLE task_comments");
        }
    }

    @Test
    void aRowChangedAfterTheDumpShowsInTheSample() throws Exception {
        Manifest manifest = dump();
        sql("mission_control", "UPDATE tasks SET title = 'changed after the backup' WHERE id = 1");
        try {
            VerifyReport report = new Verifier(store, line -> { }).verify(server, "postgres", "", manifest.prefix(), 100);
            assertThat(report.tables()).anyMatch(t -> t.table().equals("public.tasks") && t.checksumMatches() && !t.sampleMatches());
        } finally {
            sql("mission_control", "UPDATE tasks SET title = 'task 1' WHERE id = 1");
        }
    }
}
