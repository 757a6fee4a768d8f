package com.alai.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.client.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `alai mc` with ALAI_MC_URL set: the real mc-api on embedded PostgreSQL. */
class McApiTest {
    @TempDir
    Path home;
    Alai alai;

    @BeforeEach
    void setUp() {
        alai = new Alai(home);
        alai.env.put("ALAI_MC_URL", Cloud.INSTANCE.mcUrl());
        alai.env.put("ALAI_TOKEN", Cloud.INSTANCE.serviceToken());
        alai.env.put("ALAI_MC_DB", home.resolve("must-never-be-created.db").toString());
    }

    private JsonNode json(String... args) {
        Alai.Run run = alai.run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.tree(run.out());
    }

    @Test
    void addShowUpdateDoneAndCommentRoundTripThroughTheApi() {
        JsonNode added = json("mc", "add", "Rotate the key", "--assignee", "kelsey", "--tag", "ops", "--priority", "2", "--json");
        long id = added.get("id").asLong();
        assertThat(added.get("status").asText()).isEqualTo("open");
        assertThat(json("mc", "show", Long.toString(id), "--json").get("tags").toString()).isEqualTo("[\"ops\"]");
        JsonNode updated = json("mc", "update", Long.toString(id), "--status", "in_progress", "--title", "Rotate it", "--json");
        assertThat(updated.get("title").asText()).isEqualTo("Rotate it");
        assertThat(updated.get("version").asLong()).isEqualTo(2);
        JsonNode comment = json("mc", "comment", Long.toString(id), "Halfway there", "--json");
        assertThat(comment.get("author").asText()).isEqualTo("ci-bot");
        JsonNode done = json("mc", "done", Long.toString(id), "--json");
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("closedAt").isNull()).isFalse();
        assertThat(home.resolve("must-never-be-created.db")).doesNotExist();
    }

    @Test
    void listShowsOpenTasksAsATableAndPagesWithTheCursor() {
        for (int i = 0; i < 3; i++) {
            json("mc", "add", "Paged task " + i, "--assignee", "pager", "--json");
        }
        Alai.Run table = alai.run("mc", "list", "--assignee", "pager", "--limit", "2");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("ID", "STATUS", "TITLE", "Paged task 0", "Paged task 1", "More: alai mc list --cursor ")
                .doesNotContain("Paged task 2").doesNotContain("\u001b[");
        String cursor = table.out().replaceAll("(?s).*--cursor (\\S+).*", "$1");
        assertThat(alai.run("mc", "list", "--assignee", "pager", "--limit", "2", "--cursor", cursor).out()).contains("Paged task 2");
    }

    @Test
    void colourIsUsedWhenAskedAndNeverWithNoColor() {
        json("mc", "add", "Colourful", "--assignee", "painter", "--json");
        alai.env.put("ALAI_COLOR", "always");
        assertThat(alai.run("mc", "list", "--assignee", "painter").out()).contains("\u001b[32mopen");
        alai.env.put("NO_COLOR", "1");
        assertThat(alai.run("mc", "list", "--assignee", "painter").out()).doesNotContain("\u001b[");
    }

    @Test
    void statsCountsByStatusAndAssignee() {
        json("mc", "add", "Counted", "--assignee", "counter", "--json");
        JsonNode stats = json("mc", "stats", "--json");
        assertThat(stats.get("open").asLong()).isPositive();
        assertThat(stats.get("byAssignee").get("counter").asLong()).isEqualTo(1);
        assertThat(alai.run("mc", "stats").out()).contains("open of", "ASSIGNEE (open)", "counter");
    }

    @Test
    void aTaskThatDoesNotExistExitsWith3() {
        Alai.Run run = alai.run("mc", "show", "999999999");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("/tasks/999999999", "not found");
    }

    @Test
    void invalidFieldsComeBackWithTheApisOwnMessage() {
        Alai.Run run = alai.run("mc", "add", "x", "--assignee", "no spaces allowed");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("answered 422", "assignee");
    }

    @Test
    void anApiThatIsDownIsAClearErrorNamingItsUrlAndTheFileIsNeverUsedInstead() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        alai.env.put("ALAI_MC_URL", "http://127.0.0.1:" + port);
        Alai.Run run = alai.run("mc", "list");
        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.err()).contains("http://127.0.0.1:" + port + "/tasks", "did not answer");
        assertThat(home.resolve("must-never-be-created.db")).doesNotExist();
    }

    @Test
    void aTokenTheApiRefusesIsExit4() {
        alai.env.put("ALAI_TOKEN", "not-a-jwt");
        Alai.Run run = alai.run("mc", "list");
        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("refused the token (401", "alai login");
    }
}
