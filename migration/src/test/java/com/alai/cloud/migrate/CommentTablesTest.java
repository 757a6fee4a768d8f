package com.alai.cloud.migrate;

import static com.alai.cloud.migrate.TargetDatabase.count;
import static com.alai.cloud.migrate.TargetDatabase.sql;
import static com.alai.cloud.migrate.TargetDatabase.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables of comments, notes or history of tasks go to the typed task_comments table, keyed to their tasks. */
class CommentTablesTest {
    static TargetDatabase pg;
    static Path file;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = new TargetDatabase();
        file = dir.resolve("comments.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT, status TEXT)");
            s.execute("INSERT INTO tasks VALUES (1, 'one', 'open'), (2, 'two', 'done')");
            s.execute("CREATE TABLE notes (nid INTEGER PRIMARY KEY, ref INTEGER REFERENCES tasks(id), who TEXT, text TEXT, at TEXT, mood)");
            s.execute("INSERT INTO notes VALUES (10, 1, 'kelsey', 'first note', '2025-01-02 03:04:05', 'ok'),"
                    + " (11, 2, NULL, 'emoji 🤖', '1714979289', 7), (12, 99, 'ghost', 'orphan', NULL, NULL)");
            s.execute("CREATE TABLE task_history (task_id INTEGER, kind TEXT, at INTEGER)");
            s.execute("INSERT INTO task_history VALUES (1, 'created', 1714979289), (2, 'closed', 1714979300)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static MigrationReport migrate(String url) {
        return new MissionControlMigration(line -> { }).run(file, url, null, Set.of(), false);
    }

    @Test
    void aTableWithAForeignKeyToTasksBecomesTypedComments() throws Exception {
        String url = pg.fresh();
        assertThat(migrate(url).clean()).isTrue();
        assertThat(text(url, "SELECT task_id || '|' || author || '|' || body || '|' || created_at AT TIME ZONE 'UTC' || '|' || (extra->>'mood')"
                + " FROM task_comments WHERE kind = 'notes' AND id = 10")).isEqualTo("1|kelsey|first note|2025-01-02 03:04:05|ok");
    }

    @Test
    void aTableWithATaskIdColumnAndNoKeyIsKeptAsHistoryByRowid() throws Exception {
        String url = pg.fresh();
        migrate(url);
        assertThat(text(url, "SELECT string_agg(id || ':' || task_id || ':' || body, ',' ORDER BY id) FROM task_comments WHERE kind = 'task_history'"))
                .isEqualTo("1:1:created,2:2:closed");
    }

    @Test
    void aCommentOnATaskThatDoesNotExistKeepsItsReferenceInExtra() throws Exception {
        String url = pg.fresh();
        migrate(url);
        assertThat(text(url, "SELECT coalesce(task_id::text, 'null') || '|' || (extra->>'_legacy.task_id') FROM task_comments WHERE id = 12"))
                .isEqualTo("null|99");
    }

    @Test
    void aCommentPostedAfterTheMigrationBelongsToTheCommentTableAndGetsAFreshId() throws Exception {
        String url = pg.fresh();
        migrate(url);
        sql(url, "INSERT INTO task_comments (task_id, body) VALUES (1, 'from the API')");
        assertThat(text(url, "SELECT kind || ':' || id FROM task_comments WHERE body = 'from the API'")).isEqualTo("notes:13");
    }

    @Test
    void reRunningConvergesAndKeepsCommentsWrittenSince() throws Exception {
        String url = pg.fresh();
        migrate(url);
        sql(url, "INSERT INTO task_comments (task_id, body) VALUES (1, 'from the API')");
        MigrationReport again = migrate(url);
        assertThat(again.clean()).isTrue();
        assertThat(count(url, "SELECT count(*) FROM task_comments")).isEqualTo(6);
    }
}
