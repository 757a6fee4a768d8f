package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.deploy.engine.AutomationStackEngine;
import com.alai.cloud.deploy.engine.EngineException;
import com.alai.cloud.deploy.flow.CheckFailedException;
import com.alai.cloud.deploy.flow.DeployContext;
import com.alai.cloud.deploy.flow.PhaseValidator;
import com.alai.cloud.deploy.flow.RollbackFlow;
import com.alai.cloud.deploy.flow.StepHook;
import com.alai.cloud.deploy.flow.UpFlow;
import com.alai.cloud.deploy.journal.FileJournal;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.config.StackFile;
import com.alai.cloud.stacks.phases.Phase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator's flows on the real Pulumi engine (CLI + Java language host, file backend, passphrase), through
 * {@link AutomationStackEngine}, on the provider-free {@link EngineTestProgram}: stack `dev` is the foundation,
 * `dev-phase2` reads it through a StackReference and deploys pinned images.
 */
class EngineFlowsTest {
    static final String GOOD = "sha256:" + "a".repeat(64);
    static final String BAD = "sha256:" + "b".repeat(64);
    static final String REASON = "engine test: phase 1 is not part of this project";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path project;
    RealPulumi pulumi;
    AutomationStackEngine engine;
    FileJournal journal;
    List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        pulumi = new RealPulumi(dir);
        project = EngineTestProject.create(dir.resolve("project"));
        EngineTestProject.configure(pulumi, project, "dev", "hello from dev");
        EngineTestProject.configure(pulumi, project, "dev-phase2", "hello from phase 2");
        engine = new AutomationStackEngine(project, pulumi.environment());
        journal = new FileJournal(dir.resolve("journal.json"));
    }

    /** The phase's check, against what the engine deployed: mc-api runs the known-good digest. */
    PhaseValidator deployedImageIsGood() {
        return (phase, out) -> {
            String images = String.valueOf(engine.outputs(phase.stackName("dev")).getOrDefault("images", ""));
            boolean good = phase.services().isEmpty() || images.contains("mc-api=registry.local/mc-api@" + GOOD);
            return new PhaseValidator.Outcome(good, good ? "mc-api runs the known-good image" : "mc-api runs " + images);
        };
    }

    DeployContext context() {
        return new DeployContext("dev", engine, journal, dir.resolve("checkpoints"), (phase, config) -> List.of(),
                deployedImageIsGood(), "c0ffee1", Clock.systemUTC(), progress::add, StepHook.NONE);
    }

    static Map<String, String> images(String digest) {
        var entries = new java.util.TreeMap<String, String>();
        for (String service : Phase.CONTROL_PLANE.services()) {
            entries.put(service, "registry.local/" + service + "@" + digest);
        }
        try {
            return Map.of("images", JSON.writeValueAsString(entries));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    PhaseEntry upFoundation() {
        return new UpFlow(context()).run(Phase.FOUNDATION, Map.of(), Optional.empty());
    }

    PhaseEntry upControlPlane(String digest) {
        return new UpFlow(context()).run(Phase.CONTROL_PLANE, images(digest), Optional.of(REASON));
    }

    @Test
    void upDeploysThroughTheRealEngineAndRecordsLastKnownGood() {
        upFoundation();
        PhaseEntry entry = upControlPlane(GOOD);

        Map<String, Object> outputs = engine.outputs("dev-phase2");
        assertThat(outputs).containsEntry("fromFoundation", "hello from dev").containsEntry("greeting", "hello from phase 2")
                .containsEntry("token", "[secret]");
        assertThat(entry.validated()).isTrue();
        assertThat(entry.lastKnownGood().digests()).containsEntry("mc-api", GOOD).hasSize(3);
        assertThat(journal.entry("dev").lastKnownGood().digests()).isEmpty();
    }

    @Test
    void imagesAreWrittenAsAMappingOfServiceToImage() {
        upFoundation();
        upControlPlane(GOOD);

        JsonNode images = StackFile.read(StackFile.of(project, "dev-phase2")).config().get("alai-cloud:images");
        assertThat(images.isObject()).as("images in Pulumi.dev-phase2.yaml: %s", images).isTrue();
        assertThat(images.get("mc-api").asText()).isEqualTo("registry.local/mc-api@" + GOOD);
        assertThat(StackFile.read(StackFile.of(project, "dev")).config()).doesNotContainKey("alai-cloud:images");
    }

    @Test
    void checkpointsHoldNoPlaintextSecretAndTheEngineImportsThem() throws Exception {
        upFoundation();
        upControlPlane(GOOD);
        upControlPlane(GOOD);

        Path checkpoint = Files.list(dir.resolve("checkpoints")).filter(p -> p.getFileName().toString().startsWith("dev-phase2"))
                .sorted().reduce((a, b) -> b).orElseThrow();
        String text = Files.readString(checkpoint);
        assertThat(text).doesNotContain("token-dev-phase2-value").contains("\"ciphertext\"");
        assertThat(JSON.readTree(text).path("version").asInt()).isPositive();
        assertThat(Files.getPosixFilePermissions(checkpoint)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        RealPulumi.Result imported = pulumi.pulumi(project, "stack", "import", "-s", "dev-phase2", "--file", checkpoint.toString());
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        assertThat(engine.outputs("dev-phase2")).containsEntry("fromFoundation", "hello from dev");
    }

    @Test
    void refreshReportsDriftWhenWhatAStackReadsChangedAndAdoptsIt() {
        upFoundation();
        upControlPlane(GOOD);
        assertThat(engine.refresh("dev-phase2", true, progress::add).none()).isTrue();

        EngineTestProject.configure(pulumi, project, "dev", "dev changed behind phase 2's back");
        upFoundation();
        var drift = engine.refresh("dev-phase2", false, progress::add);

        assertThat(drift.changes()).singleElement().asString()
                .startsWith("update ").contains("pulumi:pulumi:StackReference::organization/alai-cloud/dev");
        assertThat(engine.exportState("dev-phase2")).contains("dev changed behind phase 2's back");
        assertThat(engine.refresh("dev-phase2", false, progress::add).none()).isTrue();
    }

    @Test
    void rollbackReappliesTheLastKnownGoodImagesAndValidates() {
        upFoundation();
        upControlPlane(GOOD);
        assertThatThrownBy(() -> upControlPlane(BAD)).isInstanceOf(CheckFailedException.class);
        assertThat(String.valueOf(engine.outputs("dev-phase2").get("images"))).contains(BAD);

        PhaseEntry entry = new RollbackFlow(context()).run(Phase.CONTROL_PLANE);

        assertThat(String.valueOf(engine.outputs("dev-phase2").get("images"))).contains(GOOD).doesNotContain(BAD);
        assertThat(entry.validated()).isTrue();
        assertThat(entry.history()).anyMatch(h -> h.contains("rolled back to c0ffee1"));
    }

    @Test
    void anEngineKilledMidApplyLeavesALockThatTheResumedUpClears() throws Exception {
        upFoundation();
        Path hold = dir.resolve("hold");
        RealPulumi.Result set = pulumi.pulumi(project, "config", "set", "-s", "dev-phase2", "holdFile", hold.toString());
        assertThat(set.exitCode()).as(set.all()).isZero();

        var firstUp = CompletableFuture.supplyAsync(() -> upControlPlane(GOOD));
        Path reached = Path.of(hold + ".reached");
        Await.until(java.time.Duration.ofMinutes(2), "the program reaching its hold point", () -> Files.exists(reached));
        ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("/pulumi"))
                .forEach(ProcessHandle::destroyForcibly);
        assertThatThrownBy(() -> firstUp.get(120, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineException.class);
        assertThat(journal.entry("dev-phase2").inFlight()).as("the up is left in flight").isNotNull();
        assertThat(Files.walk(pulumi.state()).anyMatch(p -> p.toString().contains("/locks/") && Files.isRegularFile(p)))
                .as("the killed engine left its lock").isTrue();

        Files.writeString(hold, "");
        PhaseEntry resumed = upControlPlane(GOOD);

        assertThat(resumed.inFlight()).isNull();
        assertThat(resumed.validated()).isTrue();
        assertThat(progress).anyMatch(p -> p.contains("resuming up of dev-phase2"));
        assertThat(engine.outputs("dev-phase2")).containsEntry("fromFoundation", "hello from dev");
    }
}
