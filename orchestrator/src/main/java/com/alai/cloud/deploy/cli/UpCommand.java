package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.flow.PhaseValidator;
import com.alai.cloud.deploy.flow.UpFlow;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.config.ImageRef;
import com.alai.cloud.stacks.phases.Phase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Applies one phase: preflight, images, checkpoint, pulumi up, checks, last-known-good. Resumes after a crash. */
@Command(name = "up", mixinStandardHelpOptions = true,
        header = "Deploy one phase: preflight, images, checkpoint, pulumi up, checks, last-known-good.",
        description = {"Deploys one phase with the Pulumi CLI (Automation API), then runs its runbook checks and records",
                "the last-known-good (commit, config hash, image digests) in .alai/journal.json.",
                "Refuses when the previous phase is not validated unless --override-reason is given (it is recorded).",
                "Re-running after an interruption resumes at the step after the last one completed."},
        footerHeading = "%nExamples:%n",
        footer = {"  alai-deploy images push --registry cralaidevswcf1e081.azurecr.io && alai-deploy up dev-phase2",
                "  alai-deploy up dev-phase2 --image mc-api=cralaidevswc1a2b3c.azurecr.io/mc-api@sha256:…",
                "  alai-deploy up dev-phase2 --override-reason \"phase 1 validated by hand on 2026-11-20\""})
public final class UpCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "STACK", description = "dev, dev-phase1 … dev-phase6")
    String stack;

    @Option(names = "--env", defaultValue = "dev", description = "Environment (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--image", paramLabel = "SERVICE=IMAGE", description = "Pin a service's image by digest (repeatable).")
    List<String> images = new ArrayList<>();

    @Option(names = "--override-reason", paramLabel = "TEXT", description = "Deploy although the previous phase is not validated.")
    String overrideReason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (CI).")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = Project.locate();
        Phase phase = StackArgument.phase(env, stack);
        Map<String, String> config = imagesConfig(project, phase);
        PhaseValidator validator = RunbookValidation.forDeploy(project, env);
        var ctx = Wiring.deploy(project, env, phase, Wiring.progress(spec), validator);
        PhaseEntry entry = new UpFlow(ctx).run(phase, config, Optional.ofNullable(overrideReason));
        spec.commandLine().getOut().printf("%s deployed and validated; last-known-good %s (%s)%n", stack,
                entry.lastKnownGood().commit(), entry.lastKnownGood().configHash());
        return ExitCode.OK;
    }

    /**
     * The environment's images with this phase's services pinned: by `alai-deploy images push` (pins.json) or by
     * --image. A phase that deploys no service gets no images config at all, so its stack file is left as it is.
     */
    private Map<String, String> imagesConfig(Project project, Phase phase) throws java.io.IOException {
        if (phase.services().isEmpty()) {
            if (!images.isEmpty()) {
                throw new UsageException(stack + " deploys no service; --image is for "
                        + Arrays.stream(Phase.values()).filter(p -> !p.services().isEmpty())
                        .map(p -> p.stackName(env) + " (" + String.join(", ", p.services()) + ")").toList());
            }
            return Map.of();
        }
        Map<String, String> pins = new LinkedHashMap<>();
        Path recorded = Wiring.stateDir(project).resolve("images").resolve("pins.json");
        if (Files.isRegularFile(recorded)) {
            JSON.readTree(recorded.toFile()).fields().forEachRemaining(e -> pins.put(e.getKey(), e.getValue().asText()));
        }
        for (String pin : images) {
            int eq = pin.indexOf('=');
            if (eq < 1) {
                throw new UsageException("--image '" + pin + "' must be SERVICE=IMAGE");
            }
            String service = pin.substring(0, eq);
            if (!phase.services().contains(service)) {
                throw new UsageException("--image " + service + ": " + stack + " deploys "
                        + String.join(", ", phase.services()));
            }
            ImageRef ref = new ImageRef(pin.substring(eq + 1));
            if (!ref.pinned()) {
                throw new UsageException("--image " + service + " must be pinned by digest (…@sha256:<64 hex>)");
            }
            pins.put(service, ref.value());
        }
        var entries = new java.util.TreeMap<String, String>();
        project.settings(env, phase).images().forEach((service, ref) -> entries.put(service,
                phase.services().contains(service) ? pins.getOrDefault(service, ref.value()) : ref.value()));
        return Map.of("images", JSON.writeValueAsString(entries));
    }
}
