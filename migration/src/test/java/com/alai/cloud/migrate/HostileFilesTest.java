package com.alai.cloud.migrate;

import static com.alai.cloud.migrate.TargetDatabase.count;
import static com.alai.cloud.migrate.TargetDatabase.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile schemas and files: each gives a correct copy or one clear line, and never loses anything quietly. */
class HostileFilesTest {
    static final String HOSTILE = "legacy_mission_control.\"order \"\"items\"\" 📦\"";
    static TargetDatabase pg;
    static Path sample;
    static String migrated;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = new TargetDatabase();
        sample = dir.resolve("mission-control.db");
        SampleMissionControlDb.write(sample, 600, 20, 7);
        migrated = pg.fresh();
        assertThat(migrate(sample, migrated).clean()).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static MigrationReport migrate(Path file, String url) {
        return new MissionControlMigration(line -> { }).run(file, url, null, Set.of(), false);
    }

    static void sqlite(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void namesThatNeedQuotingSurviveAsTheyAre() throws Exception {
        assertThat(count(migrated, "SELECT count(*) FROM " + HOSTILE + " WHERE \"select\" IS NOT NULL AND \"naïve col\" IS NOT NULL")).isEqualTo(50);
    }

    @Test
    void aColumnCalledRowidDoesNotHideTheRealRowid() throws Exception {
        assertThat(count(migrated, "SELECT count(*) FROM " + HOSTILE + " WHERE \"rowid\" = 1001 - _rowid")).isEqualTo(50);
    }

    @Test
    void anUntypedColumnMixingIntegersTextBlobsAndRealsKeepsEachValueAndItsClass() throws Exception {
        assertThat(text(migrated, "SELECT string_agg(jsonb_typeof(\"naïve col\"), ',' ORDER BY _rowid) FROM " + HOSTILE + " WHERE _rowid <= 4"))
                .isEqualTo("number,string,object,number");
        assertThat(text(migrated, "SELECT \"naïve col\"->>'$blob' FROM " + HOSTILE + " WHERE _rowid = 3")).isEqualTo("AgD/");
        assertThat(text(migrated, "SELECT \"naïve col\"::text FROM " + HOSTILE + " WHERE _rowid = 4")).isEqualTo("3.5");
    }

    @Test
    void textWithNulAndAnInfiniteRealAreKeptTagged() throws Exception {
        assertThat(text(migrated, "SELECT \"from\"->>'$text' FROM " + HOSTILE + " WHERE _rowid = 1")).isEqualTo("bnVsAGluc2lkZSAw");
        assertThat(text(migrated, "SELECT \"select\"::text FROM " + HOSTILE + " WHERE _rowid = 8")).isEqualTo("Infinity");
    }

    @Test
    void aWithoutRowidTableKeyedByABlobIsCopiedInKeyOrder() throws Exception {
        assertThat(count(migrated, "SELECT count(*) FROM legacy_mission_control.attachments")).isEqualTo(3);
        assertThat(count(migrated, "SELECT count(*) FROM legacy_mission_control.attachments a JOIN legacy_mission_control.attachments b"
                + " ON a._rowid + 1 = b._rowid WHERE a.hash >= b.hash")).isZero();
    }

    @Test
    void aTableWithoutPrimaryKeyAndAnEmptyTableAreCopied() throws Exception {
        assertThat(count(migrated, "SELECT count(*) FROM legacy_mission_control.agents")).isEqualTo(12);
        assertThat(count(migrated, "SELECT count(*) FROM legacy_mission_control.archive_runs")).isZero();
        assertThat(text(migrated, "SELECT data_type FROM information_schema.columns WHERE table_schema = 'legacy_mission_control'"
                + " AND table_name = 'archive_runs' AND column_name = 'id'")).as("an empty column takes its declared type").isEqualTo("bigint");
    }

    @Test
    void aWithoutRowidTaskTableWithQuotedUntypedColumnsMigratesByItsId(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("norowid.db");
        sqlite(file, "CREATE TABLE \"Task\" (id INTEGER PRIMARY KEY, title TEXT, \"due \"\"date\"\"\", \"désignation\") WITHOUT ROWID",
                "INSERT INTO \"Task\" VALUES (5, 'five', '2025-01-01', 1), (2, 'two', NULL, x'00ff')");
        String url = pg.fresh();
        MigrationReport report = migrate(file, url);
        assertThat(report.clean()).isTrue();
        assertThat(text(url, "SELECT string_agg(id || ':' || (extra->>'due \"date\"'), ',' ORDER BY id) FROM tasks")).isEqualTo("5:2025-01-01");
        assertThat(text(url, "SELECT extra->'désignation'->>'base64' FROM tasks WHERE id = 2")).isEqualTo("AP8=");
    }

    @Test
    void aZeroByteFileIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThatThrownBy(() -> migrate(empty, migrated)).isInstanceOf(MigrationException.class)
                .hasMessage(empty + " is empty (0 bytes), not a SQLite database");
    }

    @Test
    void aTableNamePostgresCannotHoldIsRefusedNamingSkipAndSkippingItMigratesTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.db");
        String name = "t".repeat(64);
        sqlite(file, "CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT)", "INSERT INTO tasks VALUES (1, 'a')",
                "CREATE TABLE " + name + " (x)");
        assertThatThrownBy(() -> migrate(file, pg.fresh())).isInstanceOf(MigrationException.class)
                .hasMessageContaining("cannot be a PostgreSQL name").hasMessageContaining("--skip " + name);
        var report = new MissionControlMigration(line -> { }).run(file, pg.fresh(), null, Set.of(name), false);
        assertThat(report.clean()).isTrue();
    }

    @Test
    void aReadOnlyFileInAReadOnlyDirectoryMigratesAndIsLeftByteIdentical(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path file = locked.resolve("mission-control.db");
        Files.copy(sample, file);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(migrate(file, pg.fresh()).clean()).isTrue();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            try (var entries = Files.list(locked)) {
                assertThat(entries).containsExactly(file);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aWalFileWrittenDuringTheRunIsReadAsOneSnapshot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wal.db");
        Files.copy(sample, file);
        sqlite(file, "PRAGMA journal_mode = WAL");
        try (Connection anvil = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Consumer<String> writesWhileLoading = line -> {
                if (line.contains("loading")) {
                    try (Statement s = anvil.createStatement()) {
                        s.execute("INSERT INTO tasks (id, title, status) VALUES (100000, 'written during the run', 'open')");
                        s.execute("INSERT INTO agents VALUES ('late', 'runner', 0, NULL)");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            String url = pg.fresh();
            MigrationReport report = new MissionControlMigration(writesWhileLoading).run(file, url, null, Set.of(), false);
            assertThat(report.clean()).isTrue();
            assertThat(report.rowsRead()).isEqualTo(600);
            assertThat(count(url, "SELECT count(*) FROM tasks WHERE id = 100000")).isZero();
            assertThat(count(url, "SELECT count(*) FROM legacy_mission_control.agents")).isEqualTo(12);
            try (Statement s = anvil.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM tasks")) {
                assertThat(rs.getLong(1)).as("the writes were committed in the file").isEqualTo(601);
            }
        }
    }
}
