package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.components.secrets.EnvSecretSource;
import com.alai.cloud.deploy.flow.CheckFailedException;
import com.alai.cloud.deploy.flow.DeployContext;
import com.alai.cloud.deploy.flow.PhaseValidator;
import com.alai.cloud.deploy.flow.PlanPreflight;
import com.alai.cloud.deploy.flow.RefusedException;
import com.alai.cloud.deploy.flow.RollbackFlow;
import com.alai.cloud.deploy.flow.Step;
import com.alai.cloud.deploy.flow.StepHook;
import com.alai.cloud.deploy.flow.UpFlow;
import com.alai.cloud.deploy.journal.FileJournal;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.phases.Phase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** up / rollback state transitions, refusals, journal atomicity and crash-resume, on the in-memory engine. */
class OrchestrationTest {
    static final String DIGEST_A = "sha256:" + "a".repeat(64);
    static final String DIGEST_B = "sha256:" + "b".repeat(64);
    static final Map<String, String> SECRETS = secretsFromCi();

    /** What CI provides: one ALAI_SECRET_* variable per binding the environment names. */
    static Map<String, String> secretsFromCi() {
        var env = new java.util.HashMap<String, String>();
        var settings = Offline.settings();
        settings.secrets().expected().forEach(ref -> env.put(ref.envName(), "value-of-" + ref.item()));
        env.put(settings.postgres().adminPassword().envName(), "pw-from-ci");
        settings.routing().apiKeys().forEach(key -> env.put(key.envName(), "key-from-ci"));
        return Map.copyOf(env);
    }

    @TempDir
    Path dir;
    InMemoryStackEngine engine;
    FileJournal journal;
    AtomicBoolean checksPass = new AtomicBoolean(true);
    List<String> progress = new ArrayList<>();

    static final class SimulatedCrash extends RuntimeException {
    }

    @BeforeEach
    void setUp() {
        engine = new InMemoryStackEngine(Offline.config());
        journal = new FileJournal(dir.resolve("journal.json"));
    }

    DeployContext context(StepHook hook) {
        PhaseValidator validator = (phase, out) -> new PhaseValidator.Outcome(checksPass.get(),
                checksPass.get() ? "all checks passed" : "GET /healthz returned 503");
        var preflight = new PlanPreflight(Offline.config(), new EnvSecretSource(SECRETS),
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));
        return new DeployContext("dev", engine, journal, dir.resolve("checkpoints"), preflight, validator, "c0ffee1",
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), progress::add, hook);
    }

    static Map<String, String> pinned(String digest) {
        var images = new ArrayList<String>();
        for (String service : List.of("mc-api", "hivemind-api", "backup-job", "agent-runner", "skills-proxy", "secrets-proxy")) {
            images.add("\"" + service + "\": \"cralaidevswcf1e081.azurecr.io/" + service + "@" + digest + "\"");
        }
        return Map.of("images", "{" + String.join(",", images) + "}");
    }

    PhaseEntry up(Phase phase, String digest) {
        return new UpFlow(context(StepHook.NONE)).run(phase, pinned(digest), Optional.empty());
    }

    void upThrough(Phase last) {
        for (Phase phase : Phase.values()) {
            if (phase.compareTo(last) <= 0) {
                up(phase, DIGEST_A);
            }
        }
    }

    @Test
    void aSuccessfulUpRecordsLastKnownGoodAndValidation() {
        upThrough(Phase.CONTROL_PLANE);
        PhaseEntry entry = journal.entry("dev-phase2");
        assertThat(entry.validated()).isTrue();
        assertThat(entry.inFlight()).isNull();
        assertThat(entry.lastKnownGood().commit()).isEqualTo("c0ffee1");
        assertThat(entry.lastKnownGood().digests()).containsOnlyKeys(Phase.CONTROL_PLANE.services())
                .containsEntry("mc-api", DIGEST_A);
        assertThat(entry.lastKnownGood().configHash()).startsWith("sha256:");
        assertThat(dir.resolve("checkpoints")).isDirectoryContaining("glob:**/dev-phase2-*.json");
    }

    @Test
    void theFoundationDeploysWithoutAnyImage() {
        PhaseEntry entry = new UpFlow(context(StepHook.NONE)).run(Phase.FOUNDATION, Map.of(), Optional.empty());
        assertThat(entry.validated()).isTrue();
        assertThat(entry.lastKnownGood().digests()).isEmpty();
    }

    @Test
    void upRefusesWhenThePreviousPhaseIsNotValidated() {
        assertThatThrownBy(() -> up(Phase.SECRETS, DIGEST_A)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("dev is not validated").hasMessageContaining("--override-reason");
        assertThat(engine.updates()).isEmpty();
    }

    @Test
    void anOverrideNeedsAReasonAndTheReasonIsRecorded() {
        var flow = new UpFlow(context(StepHook.NONE));
        assertThatThrownBy(() -> flow.run(Phase.FOUNDATION.previous().orElse(Phase.SECRETS), pinned(DIGEST_A), Optional.of(" ")))
                .isInstanceOf(RefusedException.class);
        up(Phase.FOUNDATION, DIGEST_A);
        checksPass.set(false);
        assertThatThrownBy(() -> up(Phase.SECRETS, DIGEST_A)).isInstanceOf(CheckFailedException.class);
        checksPass.set(true);
        PhaseEntry entry = flow.run(Phase.CONTROL_PLANE, pinned(DIGEST_A), Optional.of("phase 1 checks flaky; Bitwarden verified by hand"));
        assertThat(entry.history()).anyMatch(h -> h.contains("override: phase 1 checks flaky"));
    }

    @Test
    void unpinnedImagesStopTheUpBeforeAnythingIsApplied() {
        upThrough(Phase.SECRETS);
        var flow = new UpFlow(context(StepHook.NONE));
        assertThatThrownBy(() -> flow.run(Phase.CONTROL_PLANE, Map.of("images", "{\"mc-api\": \"cralaidevswcf1e081.azurecr.io/mc-api@" + DIGEST_A + "\","
                + "\"hivemind-api\": \"build:hivemind-api\", \"backup-job\": \"build:backup-job\"}"), Optional.empty()))
                .isInstanceOf(CheckFailedException.class).hasMessageContaining("not pinned")
                .hasMessageContaining("hivemind-api=build:hivemind-api").hasMessageNotContaining("mc-api=");
        assertThat(engine.updates()).doesNotContain("dev-phase2");
        assertThat(journal.entry("dev-phase2").inFlight()).isNull();
    }

    @Test
    void anUnresolvableBindingFailsPreflightNamingItWithoutAValue() {
        upThrough(Phase.SECRETS);
        var withoutPostgres = new java.util.HashMap<>(SECRETS);
        withoutPostgres.remove(Offline.settings().postgres().adminPassword().envName());
        var preflight = new PlanPreflight(Offline.config(), new EnvSecretSource(withoutPostgres), Clock.systemUTC());
        var ctx = context(StepHook.NONE);
        var noSecrets = new DeployContext(ctx.env(), ctx.engine(), ctx.journal(), ctx.checkpoints(), preflight, ctx.validator(),
                ctx.commit(), ctx.clock(), ctx.progress(), ctx.hook());
        assertThatThrownBy(() -> new UpFlow(noSecrets).run(Phase.CONTROL_PLANE, pinned(DIGEST_A), Optional.empty()))
                .isInstanceOf(CheckFailedException.class).hasMessageContaining("bw:alai-postgres-admin#password")
                .hasMessageNotContaining("pw-from-ci");
        assertThat(engine.updates()).doesNotContain("dev-phase2");
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"PREFLIGHT", "IMAGES", "CHECKPOINT", "APPLY", "VALIDATE", "RECORD"})
    void aCrashBeforeAnyStepResumesThereAndAppliesOnce(Step crashAt) throws Exception {
        var crashed = new AtomicBoolean(false);
        StepHook crashOnce = (operation, stack, step) -> {
            assertJournalIsWholeJson();
            if (step == crashAt && crashed.compareAndSet(false, true)) {
                throw new SimulatedCrash();
            }
        };
        upThrough(Phase.SECRETS);
        assertThatThrownBy(() -> new UpFlow(context(crashOnce)).run(Phase.CONTROL_PLANE, pinned(DIGEST_A), Optional.empty()))
                .isInstanceOf(SimulatedCrash.class);
        PhaseEntry interrupted = journal.entry("dev-phase2");
        assertThat(interrupted.inFlight()).isNotNull();
        int index = Step.UP.indexOf(crashAt);
        assertThat(interrupted.inFlight().completedStep()).isEqualTo(index == 0 ? null : Step.UP.get(index - 1).name());

        PhaseEntry resumed = new UpFlow(context(crashOnce)).run(Phase.CONTROL_PLANE, Map.of(), Optional.empty());
        assertThat(resumed.inFlight()).isNull();
        assertThat(resumed.validated()).isTrue();
        assertThat(resumed.lastKnownGood().digests()).containsEntry("mc-api", DIGEST_A);
        assertThat(engine.updates()).containsExactly("dev", "dev-phase1", "dev-phase2");
        assertThat(progress).anyMatch(p -> p.startsWith("resuming up of dev-phase2"));
    }

    @Test
    void theJournalIsReplacedAtomicallyAndNeverLeftHalfWritten() throws Exception {
        up(Phase.FOUNDATION, DIGEST_A);
        assertJournalIsWholeJson();
        assertThat(dir.resolve("journal.json.tmp")).doesNotExist();
        Files.writeString(dir.resolve("journal.json"), "{\"version\":1,\"phases\":{\"dev\":");
        assertThatThrownBy(() -> journal.entry("dev")).hasMessageContaining("unreadable").hasMessageContaining("never overwritten");
        assertThat(Files.readString(dir.resolve("journal.json"))).isEqualTo("{\"version\":1,\"phases\":{\"dev\":");
    }

    @Test
    void failedValidationKeepsTheLastKnownGoodAndMarksThePhaseFailed() {
        upThrough(Phase.CONTROL_PLANE);
        checksPass.set(false);
        assertThatThrownBy(() -> up(Phase.CONTROL_PLANE, DIGEST_B)).isInstanceOf(CheckFailedException.class)
                .hasMessageContaining("rollback dev-phase2");
        PhaseEntry entry = journal.entry("dev-phase2");
        assertThat(entry.validation()).isEqualTo(PhaseEntry.FAILED);
        assertThat(entry.lastKnownGood().digests()).containsEntry("mc-api", DIGEST_A);
        assertThat(entry.inFlight()).isNull();
    }

    @Test
    void rollbackWithoutALastKnownGoodIsRefused() {
        assertThatThrownBy(() -> new RollbackFlow(context(StepHook.NONE)).run(Phase.CONTROL_PLANE))
                .isInstanceOf(RefusedException.class).hasMessageContaining("no last-known-good");
    }

    @Test
    void rollbackFromAnotherCommitIsRefusedWithTheWorktreeCommand() {
        upThrough(Phase.CONTROL_PLANE);
        var elsewhere = new DeployContext("dev", engine, journal, dir.resolve("checkpoints"), context(StepHook.NONE).preflight(),
                context(StepHook.NONE).validator(), "deadbeef2", Clock.systemUTC(), progress::add, StepHook.NONE);
        assertThatThrownBy(() -> new RollbackFlow(elsewhere).run(Phase.CONTROL_PLANE))
                .isInstanceOf(RefusedException.class).hasMessageContaining("deployed from commit c0ffee1")
                .hasMessageContaining("git worktree add /tmp/alai-lkg c0ffee1").hasMessageContaining("--current-program");
        assertThat(new RollbackFlow(elsewhere).run(Phase.CONTROL_PLANE, true).validated()).isTrue();
    }

    @Test
    void rollbackAdoptsDriftAndReappliesTheLastKnownGoodDigests() {
        upThrough(Phase.CONTROL_PLANE);
        checksPass.set(false);
        assertThatThrownBy(() -> up(Phase.CONTROL_PLANE, DIGEST_B)).isInstanceOf(CheckFailedException.class);
        assertThat(image(engine, "dev-phase2")).endsWith(DIGEST_B);
        engine.injectDrift("dev-phase2", "ca-alai-mc-api-dev-swc: minReplicas 1 → 0 (changed in the portal)");
        checksPass.set(true);

        PhaseEntry entry = new RollbackFlow(context(StepHook.NONE)).run(Phase.CONTROL_PLANE);
        assertThat(image(engine, "dev-phase2")).endsWith(DIGEST_A);
        assertThat(entry.validated()).isTrue();
        assertThat(entry.history()).anyMatch(h -> h.contains("rolled back to c0ffee1"));
        assertThat(progress).anyMatch(p -> p.contains("minReplicas 1 → 0"));
    }

    static String image(InMemoryStackEngine engine, String stack) {
        return engine.deployed(stack).find("azure-native:app:ContainerApp", "mc-api").orElseThrow()
                .string("template.containers[0].image").orElseThrow();
    }

    void assertJournalIsWholeJson() {
        Path file = dir.resolve("journal.json");
        if (Files.exists(file)) {
            try {
                new ObjectMapper().readTree(file.toFile());
            } catch (java.io.IOException e) {
                throw new AssertionError("journal is not whole JSON: " + e.getMessage(), e);
            }
        }
    }
}
