package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.deploy.local.LocalEnvironment;
import com.alai.cloud.deploy.local.LocalState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `local up dev-phase2`, `validate dev-phase2 --local` and `local down` against the real thing: a background process
 * with embedded PostgreSQL, the migrated sample, a local OIDC issuer and mc-api.
 */
class LocalEnvironmentTest {
    static final Path STATE = Offline.HOME.resolve(".alai");
    static LocalState state;

    @BeforeAll
    static void up() throws Exception {
        state = new LocalEnvironment(STATE, line -> { }).up("dev-phase2");
    }

    @AfterAll
    static void down() throws Exception {
        new LocalEnvironment(STATE, line -> { }).down("dev-phase2");
    }

    @Test
    void theSampleIsMigratedAndVerifiedWith127OpenTasks() {
        assertThat(state.vars()).containsEntry("SAMPLE_TASKS", "8378").containsEntry("SAMPLE_OPEN", "127")
                .containsEntry("MIGRATION_VERIFIED", "true");
    }

    @Test
    void thePrintedTokenOpensThePrintedUrl() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(state.vars().get("MC_URL") + "/stats"))
                .header("Authorization", "Bearer " + state.vars().get("TOKEN")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"total\":", "\"open\":");
    }

    @Test
    void thePrintedTokenOpensThePrintedHiveMindUrl() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(state.vars().get("HIVEMIND_URL")
                + "/topics")).header("Authorization", "Bearer " + state.vars().get("TOKEN")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"topics\":");
    }

    @Test
    void thePrintedDatabaseUrlsConfigureAServiceWithoutDatabaseUser() {
        for (String name : new String[]{"DATABASE_URL", "HIVEMIND_DATABASE_URL"}) {
            var config = com.alai.cloud.services.common.config.ServiceConfig.from(new com.alai.cloud.services.common.config.Env(
                    java.util.Map.of("DATABASE_URL", state.vars().get(name), "OIDC_ISSUER", state.vars().get("OIDC_ISSUER"),
                            "OIDC_AUDIENCE", "api://alai-control-plane")));
            assertThat(config.dbUser()).isEqualTo("postgres");
        }
    }

    @Test
    void theBackupJobRunsOnDemandIntoAzuriteAndItsDumpVerifiesClean() {
        var result = PlanCommandTest.run("local", "backup", "dev-phase2");
        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains("written to the local Azurite", "verified clean").containsPattern("ok   mission_control.public.tasks: [0-9]+ rows");
    }

    @Test
    void validateLocalPassesThePhaseTwoChecks() {
        assertThat(PlanCommandTest.run("validate", "dev-phase2", "--local").code()).isZero();
    }

    static com.alai.cloud.deploy.validate.CheckResult.Status check(String kind, java.util.Map<String, Object> spec) {
        var all = new java.util.HashMap<String, Object>(spec);
        var c = new com.alai.cloud.deploy.validate.Check("c", kind, "", true, all, "test");
        return new com.alai.cloud.deploy.validate.Validator(state.vars(), true, l -> { }).run(java.util.List.of(c)).get(0).status();
    }

    @Test
    void sqlChecksPassAndFailOnTheRealDatabase() {
        String open = "SELECT count(*) FROM tasks WHERE status NOT IN ('done','cancelled')";
        assertThat(check("sql", java.util.Map.of("url", "${DATABASE_URL}", "query", open, "expect", java.util.Map.of("atLeast", "127"))))
                .isEqualTo(com.alai.cloud.deploy.validate.CheckResult.Status.PASS);
        assertThat(check("sql", java.util.Map.of("url", "${DATABASE_URL}", "query", "SELECT count(*) FROM tasks",
                "expect", java.util.Map.of("equals", "1")))).isEqualTo(com.alai.cloud.deploy.validate.CheckResult.Status.FAIL);
        assertThat(check("sql", java.util.Map.of("url", "${DATABASE_URL}", "query", "SELECT count(*) FROM no_such_table",
                "expect", java.util.Map.of("equals", "1")))).isEqualTo(com.alai.cloud.deploy.validate.CheckResult.Status.ERROR);
    }

    @Test
    void writeVisibleFailsWhenTheQueryNeverSeesTheRow() {
        var post = java.util.Map.<String, Object>of("url", "${MC_URL}/tasks", "headers", java.util.Map.of("Authorization", "Bearer ${TOKEN}"),
                "body", "{\"title\":\"probe\"}");
        assertThat(check("write_visible", java.util.Map.of("post", post, "url", "${DATABASE_URL}",
                "query", "SELECT count(*) FROM tasks WHERE id = ?", "withinMillis", 2000)))
                .isEqualTo(com.alai.cloud.deploy.validate.CheckResult.Status.PASS);
        assertThat(check("write_visible", java.util.Map.of("post", post, "url", "${DATABASE_URL}",
                "query", "SELECT count(*) FROM tasks WHERE id = -?", "withinMillis", 300)))
                .isEqualTo(com.alai.cloud.deploy.validate.CheckResult.Status.FAIL);
    }

    @Test
    void validateJsonReportsEveryCheckAndAMalformedVarIsAUsageError() throws Exception {
        var run = PlanCommandTest.run("validate", "dev-phase2", "--local", "--json");
        assertThat(run.code()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("results")).hasSize(14);
        assertThat(PlanCommandTest.run("validate", "dev-phase2", "--local", "--var", "novalue").code()).isEqualTo(2);
    }

    @Test
    void upAgainReusesTheRunningEnvironment() throws Exception {
        assertThat(new LocalEnvironment(STATE, line -> { }).up("dev-phase2").pid()).isEqualTo(state.pid());
    }

    @Test
    void downStopsExactlyWhatUpStarted() throws Exception {
        // A second environment under another state directory proves down() touches only its own process.
        Path other = Files.createTempDirectory("alai-local");
        var env = new LocalEnvironment(other, line -> { });
        LocalState second = env.up("dev-phase2");
        assertThat(second.pid()).isNotEqualTo(state.pid());
        assertThat(env.down("dev-phase2")).isTrue();
        assertThat(ProcessHandle.of(second.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false)).isTrue();
        assertThat(env.down("dev-phase2")).isFalse();
    }

    @Test
    void validateLocalWithoutARunningEnvironmentIsAUsageError() {
        assertThat(PlanCommandTest.run("validate", "dev-phase3", "--local").code()).isEqualTo(2);
    }

}
