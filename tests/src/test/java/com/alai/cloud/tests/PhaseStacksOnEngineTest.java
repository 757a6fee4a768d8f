package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.stacks.config.EnvironmentSync;
import com.alai.cloud.stacks.config.StackFile;
import com.alai.cloud.stacks.phases.Phase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every phase stack of the repository under the real Pulumi CLI and Java language host: the stack's own settings
 * file passes the engine's config validation, and the real program (stacks/target/alai-stacks.jar) runs until it
 * needs the azure-native plugin, which cannot be had here. Earlier stacks' outputs are real backend state (imported),
 * holding what their offline synthesis exports, so StackReferences resolve as they would after `pulumi up`.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhaseStacksOnEngineTest {
    /** The engine's words when a program registers its first resource of a provider that is not installed. */
    static final String PROVIDER_BOUNDARY = "pulumi-resource-azure-native";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path project;
    static RealPulumi pulumi;

    @BeforeAll
    static void copyTheProjectAndSeedEarlierStacks() throws IOException {
        pulumi = new RealPulumi(dir);
        project = Files.createDirectories(dir.resolve("project"));
        try (var files = Files.list(Offline.HOME)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("Pulumi(\\..+)?\\.yaml")).toList()) {
                Files.copy(file, project.resolve(file.getFileName()));
            }
        }
        Path jar = Offline.HOME.resolve("stacks/target/alai-stacks.jar");
        assertThat(jar).as("the reactor builds stacks before tests").exists();
        Files.createDirectories(project.resolve("stacks/target"));
        Files.createSymbolicLink(project.resolve("stacks/target/alai-stacks.jar"), jar);
        for (Phase phase : Phase.values()) {
            RealPulumi.Result init = pulumi.pulumi(project, "stack", "init", phase.stackName("dev"));
            assertThat(init.exitCode()).as(init.all()).isZero();
            seedOutputs(phase);
            pinImages(phase);
        }
    }

    /** What `alai-deploy up` leaves in a phase's stack file: its own services pinned by digest. */
    static void pinImages(Phase phase) {
        if (phase.services().isEmpty()) {
            return;
        }
        StackFile file = StackFile.read(StackFile.of(project, phase.stackName("dev")));
        var images = JSON.createObjectNode();
        EnvironmentSync.images(file.config().get(EnvironmentSync.IMAGES)).forEach((service, image) ->
                images.put(service, phase.services().contains(service) ? image(service) : image));
        file.with(EnvironmentSync.IMAGES, images).write(EnvironmentSync.header("dev"));
    }

    static String image(String service) {
        return "registry.local/" + service + "@sha256:" + "c".repeat(64);
    }

    /** Imports a state whose root Stack resource holds the phase's synthesized exports, as `pulumi up` would leave. */
    static void seedOutputs(Phase phase) throws IOException {
        String stack = phase.stackName("dev");
        var outputs = new LinkedHashMap<String, Object>();
        Offline.graph(phase).exports().forEach((k, v) -> outputs.put(k, v == null ? "" : v));
        var root = Map.of("urn", "urn:pulumi:" + stack + "::alai-cloud::pulumi:pulumi:Stack::alai-cloud-" + stack,
                "custom", false, "type", "pulumi:pulumi:Stack", "outputs", outputs);
        var state = Map.of("version", 3, "deployment", Map.of(
                "manifest", Map.of("time", "2026-12-01T00:00:00Z", "magic", "", "version", ""),
                "resources", List.of(root)));
        Path file = dir.resolve(stack + "-state.json");
        Files.writeString(file, JSON.writeValueAsString(state));
        RealPulumi.Result imported = pulumi.pulumi(project, "stack", "import", "-s", stack, "--file", file.toString());
        assertThat(imported.exitCode()).as(imported.all()).isZero();
    }

    /** What CI provides for every Bitwarden binding the environment names. */
    static Map<String, String> secrets() {
        var env = new HashMap<String, String>();
        OrchestrationTest.SECRETS.forEach(env::put);
        return env;
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(Phase.class)
    void aBarePreviewPassesConfigValidationAndRunsTheProgramToTheProviderBoundary(Phase phase) {
        RealPulumi.Result preview = pulumi.pulumi(project, secrets(), "preview", "-s", phase.stackName("dev"),
                "--non-interactive", "--color", "never");

        assertThat(preview.all()).doesNotContain("missing configuration values").doesNotContain("must be of type")
                .doesNotContain("validating stack config");
        if (Offline.graph(phase).cloudResources().isEmpty()) {
            assertThat(preview.exitCode()).as(preview.all()).isZero();
        } else {
            assertThat(preview.exitCode()).as(preview.all()).isNotZero();
            assertThat(preview.all()).contains(PROVIDER_BOUNDARY);
        }
    }

    // After the previews: an update that fails at the provider boundary rewrites a stack's state.
    @Order(2)
    @ParameterizedTest
    @EnumSource(Phase.class)
    void alaiDeployUpAppliesWithOnlyThePhasesOwnImagesPinnedUpToTheProviderBoundary(Phase phase) {
        String stack = phase.stackName("dev");
        var args = new ArrayList<>(List.of("up", stack, "--yes", "--override-reason", "engine test"));
        for (String service : phase.services()) {
            args.add("--image");
            args.add(service + "=" + image(service));
        }
        RealPulumi.Result up = alaiDeploy(args);

        assertThat(up.all()).contains("up " + stack + ": apply").doesNotContain("not pinned")
                .doesNotContain("missing configuration values").doesNotContain("must be of type");
        if (Offline.graph(phase).cloudResources().isEmpty()) {
            assertThat(up.all()).as("nothing to create, so the update passes and the checks run").contains("up " + stack + ": validate");
        } else {
            assertThat(up.exitCode()).as(up.all()).isEqualTo(3);
            assertThat(up.all()).contains(PROVIDER_BOUNDARY);
        }
    }

    @Test
    void upRefusesASelfManagedBackendWithoutAPassphrase() {
        RealPulumi.Result up = alaiDeploy(List.of("up", "dev", "--yes"), List.of("PULUMI_CONFIG_PASSPHRASE"));

        assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
        assertThat(up.all()).contains("PULUMI_CONFIG_PASSPHRASE").contains("PULUMI_CONFIG_PASSPHRASE_FILE");
    }

    static RealPulumi.Result alaiDeploy(List<String> args) {
        return alaiDeploy(args, List.of());
    }

    /** The orchestrator as an operator runs it: its own JVM, ALAI_HOME at the project, the JDK 17 default first on PATH. */
    static RealPulumi.Result alaiDeploy(List<String> args, List<String> unset) {
        var env = pulumi.environment();
        env.putAll(secrets());
        env.put("ALAI_HOME", project.toString());
        env.put("ALAI_JOURNAL", dir.resolve("journal-" + System.nanoTime() + ".json").toString());
        // The language host runs `java` from PATH: put an older JDK first, as on a machine whose default is 17.
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");
        if (Files.isDirectory(jdk17)) {
            env.put("PATH", jdk17 + File.pathSeparator + env.get("PATH"));
        }
        unset.forEach(env::remove);
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.alai.cloud.deploy.cli.Main"));
        command.addAll(args);
        return RealPulumi.exec(project, env, 600, command.toArray(String[]::new));
    }
}
