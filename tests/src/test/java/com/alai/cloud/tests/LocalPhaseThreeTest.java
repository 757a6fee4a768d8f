package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.deploy.local.LocalEnvironment;
import com.alai.cloud.deploy.local.LocalState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `local up dev-phase3` and `validate dev-phase3 --local`: the agent runner's API and two workers beside mc-api and
 * hivemind-api; a run through the API completes with the real Claude Code CLI against the local model server, moves
 * its Mission Control task and reaches HiveMind (runbooks/phase3.md).
 */
class LocalPhaseThreeTest {
    static final Path STATE = Offline.HOME.resolve(".alai");
    static LocalState state;

    @BeforeAll
    static void up() throws Exception {
        state = new LocalEnvironment(STATE, line -> { }).up("dev-phase3");
    }

    @AfterAll
    static void down() throws Exception {
        new LocalEnvironment(STATE, line -> { }).down("dev-phase3");
    }

    @Test
    void theRunnerItsWorkersAndATaskToMoveArePrinted() {
        assertThat(state.vars()).containsKeys("AGENT_RUNNER_URL", "AGENT_RUNNER_DATABASE_URL", "RUNNER_TOKEN",
                "LOCAL_TASK_ID", "LOCAL_MODEL_URL", "MC_URL", "HIVEMIND_URL");
    }

    @Test
    void validateLocalPassesThePhaseThreeChecks() {
        var result = PlanCommandTest.run("validate", "dev-phase3", "--local");
        assertThat(result.code()).as(result.out()).isZero();
        // runner-ready, runner-rejects-anonymous and the three run checks; the Azure-only two are skipped.
        assertThat(result.out()).contains("VALIDATED — 5 passed, 0 failed, 2 skipped");
    }
}
