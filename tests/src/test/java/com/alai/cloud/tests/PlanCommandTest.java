package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.deploy.cli.AlaiDeploy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `alai-deploy plan` as an operator and CI run it: text, JSON, exit codes, bad input. */
class PlanCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] withHome = args;
            return new Run(AlaiDeploy.run(withHome), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void planPrintsTheTreePolicyAndCostOfPhaseTwo() {
        Run run = run("plan", "dev-phase2", "--date", "2026-11-22");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("PostgresServer postgres", "app:ContainerApp ca-alai-mc-api-dev-swc",
                "PASS   ALAI-023", "budget $40.00 — within budget", "seed's own estimate: $30-32/month",
                "dev-phase2: OK — no mandatory violations");
    }

    @Test
    void planNeverPrintsASecretValue() {
        assertThat(run("plan", "--all", "--json").out()).doesNotContain("offline-secret:", "offline-shared-key");
        assertThat(run("plan", "--all").out()).doesNotContain("offline-secret:", "offline-shared-key");
    }

    @Test
    void jsonPlanCoversAllSevenStacksWithPolicyAndCost() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(run("plan", "--all", "--json").out());
        assertThat(plan.path("ok").asBoolean()).isTrue();
        assertThat(plan.path("stacks")).hasSize(7);
        assertThat(plan.path("stacks").get(2).path("cost").path("total").asDouble()).isBetween(30.0, 40.0);
        assertThat(plan.path("stacks").get(2).path("resources").toString()).contains("[secret]");
    }

    @Test
    void aMandatoryViolationExitsOne() {
        // PostgreSQL 16 reaches end of life on 2028-11-09: planning for a later day must fail the gate.
        Run run = run("plan", "dev-phase2", "--date", "2028-12-01");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL   ALAI-025", "mandatory violation");
    }

    @Test
    void anUnknownStackIsAUsageErrorNamingTheKnownOnes() {
        Run run = run("plan", "dev-phase9");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown stack 'dev-phase9'", "dev-phase6");
    }

    @Test
    void missingAndMalformedArgumentsAreUsageErrors() {
        assertThat(run("plan").code()).isEqualTo(2);
        assertThat(run("plan", "dev-phase2", "--date", "tomorrow").code()).isEqualTo(2);
        assertThat(run("plan", "dev-phase2", "--bogus").err()).contains("Unknown option");
    }

    @Test
    void helpExplainsWithExamples() {
        Run run = run("plan", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Examples:", "--json", "--date");
    }
}
