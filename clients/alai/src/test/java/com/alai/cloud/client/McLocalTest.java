package com.alai.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.client.http.Json;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.mc.McApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `alai mc` without ALAI_MC_URL: on the hostile sample of ANVIL's mission-control.db. The same file migrated into
 * PostgreSQL behind a second real mc-api must print the same JSON.
 */
class McLocalTest {
    static final int TASKS = 600;
    static final int OPEN = 40;

    @TempDir
    static Path dir;
    static Path sample;
    static Service migratedApi;

    @TempDir
    Path home;

    @BeforeAll
    static void sampleAndItsMigratedTwin() throws Exception {
        sample = dir.resolve("mission-control.db");
        SampleMissionControlDb.write(sample, TASKS, OPEN, 7);
        var pg = Cloud.INSTANCE.postgres;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE mc_twin");
        }
        String url = "postgres://postgres:@localhost:" + pg.getPort() + "/mc_twin";
        new MissionControlMigration(line -> { }).run(sample, url, null, false);
        migratedApi = McApi.start(ServiceConfig.from(new Env(Map.of("PORT", "0", "DATABASE_URL", url,
                "OIDC_ISSUER", Cloud.INSTANCE.issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", Cloud.AUDIENCE))));
    }

    @AfterAll
    static void stop() {
        migratedApi.close();
    }

    private Alai local(Path file) {
        var alai = new Alai(home);
        alai.env.put("ALAI_MC_DB", file.toString());
        return alai;
    }

    private Alai api() {
        var alai = new Alai(home);
        alai.env.put("ALAI_MC_URL", "http://127.0.0.1:" + migratedApi.port());
        alai.env.put("ALAI_TOKEN", Cloud.INSTANCE.serviceToken());
        return alai;
    }

    private static JsonNode json(Alai alai, String... args) {
        Alai.Run run = alai.run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.tree(run.out());
    }

    @Test
    void theFileAndTheApiPrintTheSameTasks() {
        Alai file = local(sample);
        Alai api = api();
        for (String[] args : new String[][] {{"mc", "list", "--json"}, {"mc", "list", "--all", "--limit", "500", "--json"},
                {"mc", "show", "97", "--json"}, {"mc", "show", "17", "--json"}, {"mc", "stats", "--json"}}) {
            assertThat(json(file, args)).as(String.join(" ", args)).isEqualTo(json(api, args));
        }
        JsonNode firstPage = json(file, "mc", "list", "--all", "--limit", "500", "--json");
        String cursor = firstPage.get("nextCursor").asText();
        assertThat(json(file, "mc", "list", "--all", "--limit", "500", "--cursor", cursor, "--json"))
                .isEqualTo(json(api, "mc", "list", "--all", "--limit", "500", "--cursor", cursor, "--json"));
    }

    @Test
    void listShowsTheOpenTasksOfTheFile() {
        JsonNode page = json(local(sample), "mc", "list", "--limit", "500", "--json");
        assertThat(page.get("items")).hasSize(OPEN);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        page.get("items").forEach(t -> assertThat(t.get("status").asText()).isNotIn("done", "cancelled"));
    }

    @Test
    void hostileTitlesCannotMoveTheCursorOrFakeARow() {
        Alai.Run list = local(sample).run("mc", "list", "--all", "--limit", "500");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).doesNotContain("\r", "\t", "\u202E", "\u001b");
        assertThat(list.out().lines().count()).isEqualTo(501 + 1);
        Alai.Run show = local(sample).run("mc", "show", "17");
        assertThat(show.out().lines().findFirst().orElseThrow()).doesNotContain("\r", "\u202E");
    }

    @Test
    void writesGoToTheFileInItsOwnSpellings() throws Exception {
        Path copy = home.resolve("copy.db");
        Files.copy(sample, copy);
        Alai alai = local(copy);
        JsonNode added = json(alai, "mc", "add", "Written locally", "--assignee", "angie", "--tag", "ops", "--priority", "3", "--json");
        long id = added.get("id").asLong();
        assertThat(id).isEqualTo(TASKS + 1);
        assertThat(added.get("tags").toString()).isEqualTo("[\"ops\"]");
        JsonNode updated = json(alai, "mc", "update", Long.toString(id), "--status", "in_progress", "--json");
        assertThat(updated.get("status").asText()).isEqualTo("in_progress");
        assertThat(row(copy, id, "status")).isEqualTo("in-progress");
        JsonNode done = json(alai, "mc", "done", Long.toString(id), "--json");
        assertThat(done.get("closedAt").isNull()).isFalse();
        assertThat(row(copy, id, "status")).isEqualTo("done");
        assertThat(row(copy, id, "assigned_to")).isEqualTo("angie");
        json(alai, "mc", "comment", Long.toString(id), "Done on ANVIL", "--author", "angie", "--json");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM task_comments WHERE task_id = " + id)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
        assertThat(json(alai, "mc", "stats", "--json").get("total").asLong()).isEqualTo(TASKS + 1);
    }

    @Test
    void withoutAFileOrAUrlTheErrorSaysWhatToSet() {
        Path missing = home.resolve("nowhere/mission-control.db");
        Alai.Run run = local(missing).run("mc", "list");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString(), "ALAI_MC_URL", "ALAI_MC_DB");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aTaskTheFileDoesNotHaveExitsWith3() {
        assertThat(local(sample).run("mc", "show", "999999").exit()).isEqualTo(3);
    }

    private static String row(Path file, long id, String column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"" + column + "\" FROM tasks WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
