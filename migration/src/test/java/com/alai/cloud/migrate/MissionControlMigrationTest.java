package com.alai.cloud.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated mission-control.db migrates into a real PostgreSQL and verifies clean; tampering is caught. */
class MissionControlMigrationTest {
    static EmbeddedPostgres pg;
    static Path sample;
    static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = EmbeddedPostgres.builder().start();
        sample = dir.resolve("mission-control.db");
        SampleMissionControlDb.write(sample, SampleMissionControlDb.TASKS, SampleMissionControlDb.OPEN, 42);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static String freshDatabase() throws Exception {
        String name = "mc" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgres://postgres:@localhost:" + pg.getPort() + "/" + name;
    }

    static MigrationReport migrate(String url) {
        return new MissionControlMigration(line -> { }).run(sample, url, null, false);
    }

    static void sql(String url, String statement) throws Exception {
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long count(String url, String query) throws Exception {
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theGeneratedFileMigratesAndVerifiesClean() throws Exception {
        String url = freshDatabase();
        MigrationReport report = migrate(url);
        assertThat(report.verification().differences()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(8_378);
        assertThat(report.openInTarget()).isEqualTo(127);
        assertThat(count(url, "SELECT count(*) FROM tasks")).isEqualTo(8_378);
    }

    @Test
    void reRunningConvergesOnTheSameRowsAndKeepsTasksCreatedSince() throws Exception {
        String url = freshDatabase();
        migrate(url);
        sql(url, "INSERT INTO tasks (title, status) VALUES ('created by mc-api after the migration', 'open')");
        MigrationReport again = migrate(url);
        assertThat(again.clean()).isTrue();
        assertThat(count(url, "SELECT count(*) FROM tasks")).isEqualTo(8_379);
        assertThat(count(url, "SELECT max(id) FROM tasks")).isEqualTo(8_379);
    }

    @Test
    void theSequenceContinuesAfterTheHighestMigratedId() throws Exception {
        String url = freshDatabase();
        migrate(url);
        sql(url, "INSERT INTO tasks (title, status) VALUES ('next', 'open')");
        assertThat(count(url, "SELECT max(id) FROM tasks")).isEqualTo(8_379);
    }

    @Test
    void hostileTextRoundTripsByteForByte() throws Exception {
        String url = freshDatabase();
        migrate(url);
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + sample); Connection c = Postgres.connect(url);
             Statement ls = lite.createStatement(); Statement ps = c.createStatement()) {
            ResultSet l = ls.executeQuery("SELECT id, title, description FROM tasks WHERE id % 17 = 0 OR id % 97 = 0 ORDER BY id");
            int checked = 0;
            while (l.next()) {
                ResultSet p = ps.executeQuery("SELECT title, description FROM tasks WHERE id = " + l.getLong(1));
                p.next();
                assertThat(p.getString(1)).isEqualTo(l.getString(2));
                assertThat(p.getString(2)).isEqualTo(l.getString(3));
                checked++;
            }
            assertThat(checked).isGreaterThan(500);
        }
    }

    @Test
    void anEmojiStraddlingA64kCharacterBoundaryOfTheCopyStreamSurvives(@TempDir Path dir) throws Exception {
        // The COPY line starts "1\tt\t"; the high surrogate of the emoji lands on character 65,535 of the stream.
        String description = "x".repeat(65_536 - 4 - 1) + "👩‍💻 end";
        Path file = dir.resolve("boundary.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT, description TEXT, status TEXT)");
            try (var ps = c.prepareStatement("INSERT INTO tasks VALUES (1, 't', ?, 'open')")) {
                ps.setString(1, description);
                ps.execute();
            }
        }
        String url = freshDatabase();
        MigrationReport report = new MissionControlMigration(line -> { }).run(file, url, null, false);
        assertThat(report.clean()).isTrue();
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT description FROM tasks WHERE id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(description);
        }
    }

    @Test
    void unknownColumnsAndNonCanonicalValuesAreKeptInExtra() throws Exception {
        String url = freshDatabase();
        migrate(url);
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE extra ? 'mc_ticket'")).isEqualTo(8_378);
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE extra->>'_legacy.priority' = 'high'")).isPositive();
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE extra ? 'attachment' AND extra->'attachment' ? 'base64'")).isPositive();
    }

    @Test
    void aChangedValueInTheTargetFailsVerification() throws Exception {
        String url = freshDatabase();
        migrate(url);
        var tampering = new MissionControlMigration(line -> { });
        // Verification re-reads the target after loading; a trigger changes one row as it is written.
        sql(url, "CREATE FUNCTION tamper() RETURNS trigger AS $$ BEGIN IF NEW.id = 4242 THEN NEW.title := 'tampered'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        sql(url, "CREATE TRIGGER tamper BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION tamper()");
        sql(url, "UPDATE tasks SET title = title || '' WHERE id = 4242");
        MigrationReport report = tampering.run(sample, url, null, false);
        assertThat(report.clean()).isFalse();
        assertThat(report.verification().differences()).anyMatch(d -> d.startsWith("row 4242 differs in title:"));
    }

    @Test
    void aFirstRunThatFailsVerificationIsRolledBackLeavingTheTargetEmpty() throws Exception {
        String url = freshDatabase();
        migrate(url);
        sql(url, "TRUNCATE tasks, task_comments RESTART IDENTITY");
        sql(url, "CREATE FUNCTION tamper() RETURNS trigger AS $$ BEGIN IF NEW.id = 4242 THEN NEW.title := 'tampered'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        sql(url, "CREATE TRIGGER tamper BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION tamper()");
        MigrationReport report = migrate(url);
        assertThat(report.clean()).isFalse();
        assertThat(report.committed()).isFalse();
        assertThat(report.verification().rowsDiffering()).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM tasks")).isZero();
        sql(url, "DROP TRIGGER tamper ON tasks");
        sql(url, "INSERT INTO tasks (title, status) VALUES ('first task after the failed run', 'open')");
        assertThat(count(url, "SELECT max(id) FROM tasks")).as("the id sequence was not moved").isEqualTo(1);
    }

    @Test
    void valuesPostgresCannotHoldGoToExtraAndTheRunStillVerifies(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("edges.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT, status TEXT, tags TEXT, created_at TEXT, score REAL)");
            try (var ps = c.prepareStatement("INSERT INTO tasks VALUES (?, 't', ?, ?, ?, ?)")) {
                Object[][] rows = {
                    {1, "open", "a,b", "+300000-01-01T00:00:00Z", 1714979289.0},
                    {2, "do\0ne", "x\0y", "2024-01-01T00:00:00Z", 0.1},
                    {3, "open", "[\"q\\u0000r\"]", "2024-01-01 00:00:00", 1e300},
                };
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.execute();
                }
            }
        }
        String url = freshDatabase();
        MigrationReport report = new MissionControlMigration(line -> { }).run(file, url, null, false);
        assertThat(report.verification().differences()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE extra->>'_legacy.created_at' = '+300000-01-01T00:00:00Z'")).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE extra ? '_legacy.status'")).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE extra ? '_legacy.tags'")).isEqualTo(2);
        assertThat(count(url, "SELECT count(*) FROM tasks WHERE tags = '{xy}' OR tags = '{qr}'")).isEqualTo(2);
    }

    @Test
    void aTimestampFinerThanAMicrosecondKeepsItsRawValueInExtra(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nanos.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT, status TEXT, created_at TEXT, updated_at REAL)");
            s.execute("INSERT INTO tasks VALUES (1, 't', 'open', '2024-05-06T07:08:09.123456789Z', 1714979289.5)");
        }
        String url = freshDatabase();
        MigrationReport report = new MissionControlMigration(line -> { }).run(file, url, null, false);
        assertThat(report.clean()).isTrue();
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT created_at = '2024-05-06T07:08:09.123456Z', extra->>'_legacy.created_at', extra->>'_legacy.updated_at' FROM tasks")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getString(2)).isEqualTo("2024-05-06T07:08:09.123456789Z");
            assertThat(rs.getString(3)).isEqualTo("1714979289.5");
        }
    }

    @Test
    void aDeletedRowFailsVerification() throws Exception {
        String url = freshDatabase();
        migrate(url);
        long id = count(url, "SELECT min(id) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM task_comments c WHERE c.task_id = t.id)");
        sql(url, "CREATE RULE no_insert AS ON INSERT TO tasks WHERE NEW.id = " + id + " DO INSTEAD NOTHING");
        sql(url, "DELETE FROM tasks WHERE id = " + id);
        MigrationReport report = migrate(url);
        assertThat(report.clean()).isFalse();
        assertThat(report.verification().differences()).contains("row " + id + " is missing from the target");
    }

    @Test
    void aRowTheSourceDoesNotHaveInsideTheMigratedIdRangeFailsVerification() throws Exception {
        String url = freshDatabase();
        migrate(url);
        sql(url, "INSERT INTO tasks (id, title, status) VALUES (0, 'smuggled in', 'open')");
        MigrationReport report = migrate(url);
        assertThat(report.clean()).isFalse();
        assertThat(report.verification().differences()).contains("row 0 is in the target but not in the source");
    }

    @Test
    void dryRunPrintsTheMappingAndWritesNothing() throws Exception {
        String url = freshDatabase();
        MigrationReport report = new MissionControlMigration(line -> { }).run(sample, url, null, true);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.mapping()).contains("assigned_to", "-> assignee", "completed_at", "-> closed_at", "extra->'source'");
        assertThat(count(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'tasks'")).isZero();
    }

    @Test
    void aMissingFileIsRefusedClearly() {
        assertThatThrownBy(() -> new MissionControlMigration(l -> { }).run(Path.of("/nonexistent.db"), "postgres://x@localhost/db", null, false))
                .isInstanceOf(MigrationException.class).hasMessageContaining("no such file");
    }

    @Test
    void aFileThatIsNotSqliteIsRefused(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake.db");
        Files.writeString(fake, "CREATE TABLE tasks(id int);");
        assertThatThrownBy(() -> new MissionControlMigration(l -> { }).run(fake, "postgres://x@localhost/db", null, true))
                .hasMessageContaining("is not a SQLite database");
    }

    @Test
    void aFileWithoutATaskTableIsRefusedNamingItsTables(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }
        assertThatThrownBy(() -> new MissionControlMigration(l -> { }).run(other, "postgres://x@localhost/db", null, true))
                .hasMessageContaining("no tasks-like table").hasMessageContaining("notes");
    }

    @Test
    void anUnreachableOrMalformedTargetIsRefusedWithoutEchoingThePassword() throws Exception {
        assertThatThrownBy(() -> migrate("postgres://u:s3cr3t@127.0.0.1:1/db"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("cannot connect").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> migrate("mysql://localhost/db")).hasMessageContaining("postgres://");
    }

    @Test
    void anIncompatibleTasksTableIsRefusedAndLeftAlone() throws Exception {
        String url = freshDatabase();
        sql(url, "CREATE TABLE tasks (id int, name text)");
        assertThatThrownBy(() -> migrate(url)).hasMessageContaining("without");
        assertThat(count(url, "SELECT count(*) FROM tasks")).isZero();
    }
}
