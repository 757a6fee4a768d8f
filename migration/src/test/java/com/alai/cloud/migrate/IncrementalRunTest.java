package com.alai.cloud.migrate;

import static com.alai.cloud.migrate.TargetDatabase.count;
import static com.alai.cloud.migrate.TargetDatabase.sql;
import static com.alai.cloud.migrate.TargetDatabase.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-run after ANVIL wrote more (the copy window) carries only the new and changed rows, and verifies every row. */
class IncrementalRunTest {
    static TargetDatabase pg;
    static Path original;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = new TargetDatabase();
        original = dir.resolve("mission-control.db");
        SampleMissionControlDb.write(original, 1_000, 30, 11);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static MigrationReport migrate(Path file, String url) {
        return new MissionControlMigration(line -> { }).run(file, url, null, Set.of(), false);
    }

    static Path copy(Path dir) throws Exception {
        return Files.copy(original, dir.resolve("copy.db"));
    }

    static void anvilWrites(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aReRunCarriesOnlyTheRowsAnvilAddedOrChangedAndVerifies(@TempDir Path dir) throws Exception {
        Path file = copy(dir);
        String url = pg.fresh();
        migrate(file, url);
        anvilWrites(file,
                "INSERT INTO tasks (id, title, status) VALUES (1001, 'new one', 'open'), (1002, 'new two', 'done')",
                "UPDATE tasks SET title = 'renamed on ANVIL' WHERE id = 5",
                "INSERT INTO task_comments (id, task_id, author, body, created_at) VALUES (9001, 1001, 'kelsey', 'on the new task', '2025-06-01 00:00:00')",
                "UPDATE task_comments SET body = 'edited' WHERE id = 3");
        MigrationReport again = migrate(file, url);
        assertThat(again.clean()).isTrue();
        assertThat(again.table("tasks").carried()).isEqualTo(3);
        assertThat(again.table("task_comments").carried()).isEqualTo(2);
        assertThat(text(url, "SELECT title FROM tasks WHERE id = 5")).isEqualTo("renamed on ANVIL");
        assertThat(count(url, "SELECT count(*) FROM task_comments WHERE task_id = 1001")).isEqualTo(1);
        assertThat(text(url, "SELECT body FROM task_comments WHERE kind = 'task_comments' AND id = 3")).isEqualTo("edited");
    }

    @Test
    void aReRunWithNothingNewCarriesNothing(@TempDir Path dir) throws Exception {
        Path file = copy(dir);
        String url = pg.fresh();
        migrate(file, url);
        MigrationReport again = migrate(file, url);
        assertThat(again.clean()).isTrue();
        assertThat(again.table("tasks").carried()).isZero();
        assertThat(again.table("task_comments").carried()).isZero();
    }

    @Test
    void aTaskChangedInPostgresSinceIsReportedNotOverwritten(@TempDir Path dir) throws Exception {
        Path file = copy(dir);
        String url = pg.fresh();
        migrate(file, url);
        sql(url, "UPDATE tasks SET title = 'changed in the cloud' WHERE id = 8");
        MigrationReport again = migrate(file, url);
        assertThat(again.clean()).isFalse();
        assertThat(again.verification().differences()).anyMatch(d -> d.startsWith("row 8 differs in title"));
        assertThat(text(url, "SELECT title FROM tasks WHERE id = 8")).isEqualTo("changed in the cloud");
    }
}
