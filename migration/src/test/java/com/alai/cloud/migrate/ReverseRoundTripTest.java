package com.alai.cloud.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.reverse.Prefer;
import com.alai.cloud.migrate.reverse.ReverseMigration;
import com.alai.cloud.migrate.reverse.ReverseReport;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.mc.McApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way back: migrate, change rows through a running mc-api, reverse. The file then equals the original plus
 * exactly those changes, every untouched row byte for byte (SQLite's quote() of every value, storage class included).
 */
class ReverseRoundTripTest {
    static final String AUDIENCE = "api://alai-control-plane";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TargetDatabase pg;
    static MockOAuth2Server issuer;
    static Path original;
    static int clockSeconds;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = new TargetDatabase();
        issuer = new MockOAuth2Server();
        issuer.start();
        original = dir.resolve("original.db");
        SampleMissionControlDb.write(original, 400, 20, 3);
    }

    @AfterAll
    static void stop() throws Exception {
        issuer.shutdown();
        pg.close();
    }

    /** A migrated copy of the sample and an mc-api serving its database. */
    record Cut(Path file, String url, Service api) implements AutoCloseable {
        HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                    .header("Authorization", "Bearer " + issuer.issueToken("default", "alice", AUDIENCE, Map.of(), 3600).serialize())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(String method, String path, String body) throws Exception {
            return JSON.readTree(send(method, path, body, null).body());
        }

        @Override
        public void close() {
            api.close();
        }
    }

    static Cut cutOver(Path dir) throws Exception {
        Path file = Files.copy(original, dir.resolve("mission-control.db"));
        String url = pg.fresh();
        assertThat(new MissionControlMigration(line -> { }).run(file, url, null, Set.of(), false).clean()).isTrue();
        var config = ServiceConfig.from(new Env(Map.of("PORT", "0", "DATABASE_URL", url,
                "OIDC_ISSUER", issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", AUDIENCE)));
        return new Cut(file, url, McApi.start(config));
    }

    static ReverseReport reverse(Cut cut, Prefer prefer) {
        var clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(clockSeconds++), ZoneOffset.UTC);
        return new ReverseMigration(line -> { }, clock).run(cut.url(), cut.file(), prefer);
    }

    /** Every row of every table, each value as SQLite's quote() gives it, keyed by table and rowid (or key order). */
    static Map<String, Map<String, String>> snapshot(Path file) throws Exception {
        var tables = new LinkedHashMap<String, Map<String, String>>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            var names = new ArrayList<String>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                var columns = new ArrayList<String>();
                try (ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + table.replace("'", "''") + "')")) {
                    while (rs.next()) {
                        columns.add("quote(\"" + rs.getString(1).replace("\"", "\"\"") + "\")");
                    }
                }
                boolean rowid = !table.equals("attachments");
                var rows = new LinkedHashMap<String, String>();
                try (ResultSet rs = s.executeQuery("SELECT " + (rowid ? "_rowid_" : "quote(hash)") + ", " + String.join(" || '|' || ", columns)
                        + " FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), rs.getString(2));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    static String value(Path file, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static ReverseReport.TableResult result(ReverseReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    static long openTask(Path file) throws Exception {
        return Long.parseLong(value(file, "SELECT min(id) FROM tasks WHERE status = 'open' AND completed_at IS NULL"));
    }

    @Test
    void theFileEqualsTheOriginalPlusExactlyTheChangesMadeThroughTheApi(@TempDir Path dir) throws Exception {
        try (Cut cut = cutOver(dir)) {
            var before = snapshot(cut.file());
            long changed = openTask(cut.file());
            String etag = cut.send("GET", "/tasks/" + changed, null, null).headers().firstValue("ETag").orElseThrow();
            assertThat(cut.send("PATCH", "/tasks/" + changed, "{\"title\":\"renamed in the cloud\",\"status\":\"done\"}", etag).statusCode()).isEqualTo(200);
            long created = cut.json("POST", "/tasks", "{\"title\":\"created in the cloud\",\"tags\":[\"ops\"],\"priority\":2}").path("id").asLong();
            cut.json("POST", "/tasks/" + changed + "/comments", "{\"body\":\"closed from the cloud\"}");
            cut.json("POST", "/tasks/" + created + "/comments", "{\"body\":\"on the new task\",\"author\":\"kelsey\"}");

            ReverseReport report = reverse(cut, Prefer.NEITHER);

            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(result(report, "tasks").updated()).isEqualTo(1);
            assertThat(result(report, "tasks").inserted()).isEqualTo(1);
            assertThat(result(report, "task_comments").inserted()).isEqualTo(2);
            var after = snapshot(cut.file());
            for (String table : before.keySet()) {
                if (!Set.of("tasks", "task_comments").contains(table)) {
                    assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
                }
            }
            var tasks = new LinkedHashMap<>(after.get("tasks"));
            assertThat(tasks.remove(String.valueOf(created))).isNotNull();
            String changedRow = tasks.remove(String.valueOf(changed));
            var expected = new LinkedHashMap<>(before.get("tasks"));
            String originalRow = expected.remove(String.valueOf(changed));
            assertThat(tasks).as("every untouched task, byte for byte").isEqualTo(expected);
            String[] was = originalRow.split("\\|", -1);
            String[] now = changedRow.split("\\|", -1);
            // id, title, description, status, assigned_to, tags, priority, created, updated_at, completed_at, is_archived, source, mc_ticket, attachment
            for (int column : new int[] {0, 2, 4, 5, 6, 7, 10, 11, 12, 13}) {
                assertThat(now[column]).as("column " + column + " of the changed task is untouched").isEqualTo(was[column]);
            }
            assertThat(now[1]).isEqualTo("'renamed in the cloud'");
            assertThat(now[3]).isEqualTo("'done'");
            assertThat(now[9]).isNotEqualTo("NULL");
            assertThat(value(cut.file(), "SELECT title || '|' || status || '|' || priority FROM tasks WHERE id = " + created))
                    .isEqualTo("created in the cloud|open|2");
            var comments = new LinkedHashMap<>(after.get("task_comments"));
            assertThat(comments.keySet()).containsAll(before.get("task_comments").keySet());
            before.get("task_comments").forEach((rowid, row) -> assertThat(comments.remove(rowid)).isEqualTo(row));
            assertThat(comments.values()).hasSize(2).anyMatch(r -> r.contains("'closed from the cloud'") && r.startsWith("101|" + changed + "|'alice'"))
                    .anyMatch(r -> r.contains("'on the new task'") && r.contains("|" + created + "|'kelsey'"));
        }
    }

    @Test
    void reversingTwiceWritesNothingTheSecondTime(@TempDir Path dir) throws Exception {
        try (Cut cut = cutOver(dir)) {
            cut.json("POST", "/tasks", "{\"title\":\"once\"}");
            reverse(cut, Prefer.NEITHER);
            var once = snapshot(cut.file());
            ReverseReport again = reverse(cut, Prefer.NEITHER);
            assertThat(again.clean()).isTrue();
            assertThat(again.tables()).allSatisfy(t -> assertThat(t.updated() + t.inserted()).isZero());
            assertThat(snapshot(cut.file())).isEqualTo(once);
        }
    }

    @Test
    void aTaskChangedOnBothSidesIsReportedAndLeftAloneUnlessPostgresIsPreferred(@TempDir Path dir) throws Exception {
        try (Cut cut = cutOver(dir)) {
            long id = openTask(cut.file());
            String etag = cut.send("GET", "/tasks/" + id, null, null).headers().firstValue("ETag").orElseThrow();
            cut.send("PATCH", "/tasks/" + id, "{\"title\":\"cloud title\"}", etag);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cut.file()); Statement s = c.createStatement()) {
                s.execute("UPDATE tasks SET title = 'anvil title' WHERE id = " + id);
            }
            ReverseReport report = reverse(cut, Prefer.NEITHER);
            assertThat(result(report, "tasks").conflicts()).containsExactly(id);
            assertThat(report.clean()).isFalse();
            assertThat(value(cut.file(), "SELECT title FROM tasks WHERE id = " + id)).isEqualTo("anvil title");
            assertThat(reverse(cut, Prefer.POSTGRES).clean()).isTrue();
            assertThat(value(cut.file(), "SELECT title FROM tasks WHERE id = " + id)).isEqualTo("cloud title");
        }
    }

    @Test
    void aBackupOfTheFileIsTakenBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        try (Cut cut = cutOver(dir)) {
            var before = snapshot(cut.file());
            cut.json("POST", "/tasks", "{\"title\":\"after the backup\"}");
            ReverseReport report = reverse(cut, Prefer.NEITHER);
            assertThat(snapshot(Path.of(report.backup()))).isEqualTo(before);
        }
    }

    @Test
    void aFileWhoseTaskTableChangedItsColumnsIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        try (Cut cut = cutOver(dir)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cut.file()); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE tasks ADD COLUMN due TEXT");
            }
            var before = snapshot(cut.file());
            assertThatThrownBy(() -> reverse(cut, Prefer.NEITHER)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("other columns than when it was migrated");
            assertThat(snapshot(cut.file())).isEqualTo(before);
        }
    }
}
