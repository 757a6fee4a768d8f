package com.alai.cloud.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.migrate.hivemind.GenericCopy;
import com.alai.cloud.migrate.sample.SampleHivemindDb;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hivemind.db copies table by table into its own schema, typed by content, verified, re-runnable. */
class HivemindCopyTest {
    static EmbeddedPostgres pg;
    static Path sample;
    static String url;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = EmbeddedPostgres.builder().start();
        sample = dir.resolve("hivemind.db");
        SampleHivemindDb.write(sample, 2_000, 7);
        url = "postgres://postgres:@localhost:" + pg.getPort() + "/postgres";
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void everyTableCopiesAndVerifiesCleanTwice() throws Exception {
        for (int run = 0; run < 2; run++) {
            List<TableReport> results = new GenericCopy(l -> { }).run(sample, url, "legacy_hivemind", false);
            assertThat(results).extracting(TableReport::source).containsExactly("messages", "topics");
            assertThat(results).allSatisfy(r -> assertThat(r.verification().clean()).as(r.source() + " " + r.verification().differences()).isTrue());
        }
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM legacy_hivemind.messages")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2_000);
        }
    }

    @Test
    void columnsAreTypedByTheValuesTheyHoldAndAColumnMixingIntegersAndTextBecomesJsonb() {
        var messages = new GenericCopy(l -> { }).run(sample, url, "legacy_hivemind", true).get(0);
        assertThat(messages.columns()).containsEntry("id", "bigint").containsEntry("ts", "double precision")
                .containsEntry("meta", "jsonb").containsEntry("raw", "bytea").containsEntry("payload", "text");
    }

    @Test
    void aHostileSchemaNameIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GenericCopy(l -> { }).run(sample, url, "x; DROP SCHEMA public", false))
                .hasMessageContaining("schema");
    }
}
