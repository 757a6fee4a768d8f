package com.alai.cloud.migrate;

import static com.alai.cloud.migrate.TargetDatabase.count;
import static com.alai.cloud.migrate.TargetDatabase.sql;
import static com.alai.cloud.migrate.TargetDatabase.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `migrate mc` copies and verifies every table of the file, not only the task table; only --skip leaves one out. */
class EveryTableTest {
    static final String HOSTILE = "order \"items\" 📦";
    static final Set<String> TABLES = Set.of("tasks", "task_events", "task_comments", "agents", HOSTILE, "attachments", "archive_runs");
    static TargetDatabase pg;
    static Path sample;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = new TargetDatabase();
        sample = dir.resolve("mission-control.db");
        SampleMissionControlDb.write(sample, 2_000, 40, 42);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static MigrationReport migrate(String url, Set<String> skip, boolean dryRun) {
        return new MissionControlMigration(line -> { }).run(sample, url, null, skip, dryRun);
    }

    @Test
    void everyTableOfTheFileIsCopiedAndVerified() throws Exception {
        String url = pg.fresh();
        MigrationReport report = migrate(url, Set.of(), false);
        assertThat(report.tables()).extracting(TableReport::source).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(report.tables()).allSatisfy(t -> assertThat(t.clean()).as(t.source() + " " + t.verification()).isTrue());
        assertThat(report.committed()).isTrue();
        assertThat(count(url, "SELECT count(*) FROM task_comments WHERE kind = 'task_comments'")).isEqualTo(500);
        assertThat(count(url, "SELECT count(*) FROM legacy_mission_control.agents")).isEqualTo(12);
        assertThat(count(url, "SELECT count(*) FROM legacy_mission_control.\"order \"\"items\"\" 📦\"")).isEqualTo(50);
    }

    @Test
    void aTableLeftOutWithSkipIsNotCopiedAndTheReportSaysSo() throws Exception {
        String url = pg.fresh();
        MigrationReport report = migrate(url, Set.of("agents"), false);
        assertThat(report.clean()).isTrue();
        TableReport agents = report.table("agents");
        assertThat(agents.skipped()).isTrue();
        assertThat(agents.rows()).isEqualTo(12);
        assertThat(agents.destination()).isEqualTo(TableReport.SKIPPED);
        assertThat(count(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'legacy_mission_control' AND tablename = 'agents'")).isZero();
    }

    @Test
    void skipNamingNoTableOfTheFileIsRefused() {
        assertThatThrownBy(() -> migrate("postgres://x@localhost/db", Set.of("agentz"), true))
                .isInstanceOf(MigrationException.class).hasMessageContaining("--skip agentz").hasMessageContaining("agents");
    }

    @Test
    void dryRunListsEveryTableWithItsRowsDestinationAndColumns() throws Exception {
        MigrationReport report = migrate(pg.fresh(), Set.of(), true);
        assertThat(report.tables()).extracting(TableReport::source).containsExactlyInAnyOrderElementsOf(TABLES);
        TableReport tasks = report.tables().get(0);
        assertThat(tasks.destination()).isEqualTo("tasks");
        assertThat(tasks.columns()).containsEntry("assigned_to", "assignee");
        assertThat(tasks.inExtra()).contains("source", "mc_ticket", "attachment");
        assertThat(report.table("task_comments").destination()).isEqualTo("task_comments (kind 'task_comments')");
        assertThat(report.table("task_comments").rows()).isEqualTo(500);
        TableReport agents = report.table("agents");
        assertThat(agents.rows()).isEqualTo(12);
        assertThat(agents.destination()).isEqualTo("legacy_mission_control.agents");
        assertThat(agents.columns()).containsEntry("last_seen", "bigint").containsEntry("config json", "jsonb");
    }

    @Test
    void viewsTriggersAndIndexesAreListedAndTheirSqlIsKept() throws Exception {
        String url = pg.fresh();
        MigrationReport report = migrate(url, Set.of(), false);
        assertThat(report.objects()).extracting(o -> o.type() + " " + o.name())
                .contains("view open_tasks", "trigger comment_touches_task", "index task_comments_task");
        assertThat(text(url, "SELECT sql FROM legacy_mission_control.sqlite_objects WHERE name = 'open_tasks'"))
                .startsWith("CREATE VIEW open_tasks");
        assertThat(count(url, "SELECT count(*) FROM legacy_mission_control.sqlite_objects WHERE type = 'table'")).isEqualTo(TABLES.size());
    }

    @Test
    void aDifferenceInAnyTableRollsBackTheWholeRunTasksIncluded() throws Exception {
        String url = pg.fresh();
        // Every run recreates the legacy schema, so the tampering is attached to each new table as it is created.
        sql(url, "CREATE SCHEMA tampering");
        sql(url, "CREATE FUNCTION tampering.tamper() RETURNS trigger AS $$ BEGIN NEW.role := 'tampered'; RETURN NEW; END $$ LANGUAGE plpgsql");
        sql(url, "CREATE FUNCTION tampering.attach_tamper() RETURNS event_trigger AS $$ BEGIN"
                + " IF to_regclass('legacy_mission_control.agents') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'tamper') THEN"
                + " CREATE TRIGGER tamper BEFORE INSERT ON legacy_mission_control.agents FOR EACH ROW EXECUTE FUNCTION tampering.tamper(); END IF; END $$ LANGUAGE plpgsql");
        sql(url, "CREATE EVENT TRIGGER attach_tamper ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION tampering.attach_tamper()");
        MigrationReport report = migrate(url, Set.of(), false);
        assertThat(report.clean()).isFalse();
        assertThat(report.committed()).isFalse();
        TableReport agents = report.table("agents");
        assertThat(agents.verification().rowsDiffering()).isEqualTo(12);
        assertThat(count(url, "SELECT count(*) FROM tasks")).isZero();
    }
}
