package com.alai.cloud.deploy.engine;

import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.stacks.config.EnvironmentSync;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.WorkspaceStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The real engine: the Pulumi CLI driven through the Automation API, in the repository's project directory. */
public final class AutomationStackEngine implements StackEngine {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Step ops that change nothing by themselves; a "refresh" step still changes what its new state says. */
    private static final Set<String> UNCHANGED = Set.of("same", "read", "refresh");

    private final Path projectDir;
    private final Map<String, String> environment;
    private final StaleLocks locks;

    public AutomationStackEngine(Path projectDir, Map<String, String> environment) {
        PulumiCli.require();
        this.projectDir = projectDir;
        this.environment = PulumiEnvironment.of(environment);
        this.locks = new StaleLocks(this::cancel);
    }

    /** What runs against one selected stack; any failure but a usage error becomes one EngineException. */
    private interface OnStack<T> {
        T run(WorkspaceStack stack) throws Exception;
    }

    private <T> T onStack(String name, String what, OnStack<T> body) {
        try (WorkspaceStack stack = stack(name)) {
            return body.run(stack);
        } catch (EngineException | UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new EngineException(what + " of " + name + " failed: " + e.getMessage(), e);
        }
    }

    private WorkspaceStack stack(String name) throws AutomationException {
        PulumiEnvironment.requireSecretsProvider(environment, projectDir, name);
        var options = LocalWorkspaceOptions.builder().workDir(projectDir).environmentVariables(environment).build();
        return WorkspaceStack.createOrSelect(name, LocalWorkspace.create(options));
    }

    /**
     * Applies {@code config} (only {@code images} today: a mapping, set service by service with {@code --path} so it
     * stays a YAML mapping), then runs `pulumi up`, its output streamed to {@code progress}. A
     * stack with no config given is left exactly as its file says, so the hand-written environment file is never
     * rewritten by Pulumi.
     */
    @Override
    public Deployment up(String name, Map<String, String> config, Consumer<String> progress) {
        return onStack(name, "pulumi up", stack -> {
            String images = config.get("images");
            if (images != null) {
                var values = new LinkedHashMap<String, ConfigValue>();
                EnvironmentSync.images(JSON.readTree(images)).forEach((service, image) ->
                        values.put(EnvironmentSync.IMAGES + "." + service, new ConfigValue(image)));
                stack.removeConfig(EnvironmentSync.IMAGES);
                stack.setAllConfig(values, true);
            }
            locks.retryOnce(name, () -> run(List.of("up", "--yes", "--skip-preview", "--non-interactive",
                    "--color", "never", "--stack", name), progress));
            Map<String, Object> outputs = readOutputs(name);
            return new Deployment(name, outputs.size(), outputs);
        });
    }

    /**
     * Drift is what the engine itself reports, step by step: with {@code previewOnly}, the steps of
     * `pulumi refresh --preview-only --json` that are not "same" or whose refreshed state differs from the recorded one;
     * otherwise the engine events of an applied `pulumi refresh --json` whose outcome is not "same". (The engine does
     * not re-read StackReferences in a preview, so a changed upstream stack shows only in an applied refresh; the
     * Automation API's own preview-only refresh passes --yes, which CLI 3.205 refuses with --preview-only.)
     */
    @Override
    public Drift refresh(String name, boolean previewOnly, Consumer<String> progress) {
        return onStack(name, "pulumi refresh", stack -> {
            var changes = new ArrayList<String>();
            if (previewOnly) {
                String preview = locks.retryOnce(name, () -> run(List.of("refresh", "--preview-only", "--json",
                        "--stack", name), line -> { }));
                for (JsonNode step : JSON.readTree(preview).path("steps")) {
                    String op = step.path("op").asText();
                    if (!UNCHANGED.contains(op)
                            || !step.path("oldState").path("outputs").equals(step.path("newState").path("outputs"))) {
                        changes.add((UNCHANGED.contains(op) ? "update" : op) + " " + step.path("urn").asText());
                    }
                }
            } else {
                locks.retryOnce(name, () -> run(List.of("refresh", "--yes", "--skip-preview", "--json", "--stack", name),
                        line -> outcome(line).ifPresent(changes::add)));
            }
            changes.forEach(change -> progress.accept("  drift: " + change));
            return new Drift(name, List.copyOf(changes));
        });
    }

    /** "op urn" of one engine event line that records a changed resource; empty for every other line. */
    private static java.util.Optional<String> outcome(String line) {
        try {
            JsonNode meta = JSON.readTree(line).path("resOutputsEvent").path("metadata");
            String op = meta.path("op").asText("");
            return op.isEmpty() || UNCHANGED.contains(op) ? java.util.Optional.empty()
                    : java.util.Optional.of(op + " " + meta.path("urn").asText());
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The state as `pulumi stack export` writes it, version and all, with secrets left encrypted by the stack's
     * secrets provider: the checkpoint holds no plaintext and `pulumi stack import` takes it as it is.
     */
    @Override
    public String exportState(String name) {
        return onStack(name, "pulumi stack export", stack -> run(List.of("stack", "export", "--stack", name)));
    }

    /**
     * The stack's outputs as `pulumi stack output --json` gives them: secrets stay "[secret]", and lists and maps keep
     * their shape (the Automation API's own output parsing fails on a list output, e.g. phase 5's modelRoutes).
     */
    @Override
    public Map<String, Object> outputs(String name) {
        return onStack(name, "reading outputs", stack -> readOutputs(name));
    }

    private Map<String, Object> readOutputs(String name) throws Exception {
        return JSON.readValue(run(List.of("stack", "output", "--json", "--stack", name)),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private void cancel(String name) {
        try {
            run(List.of("cancel", "--stack", name, "--yes"));
        } catch (AutomationException e) {
            throw new EngineException("pulumi cancel of " + name + " failed: " + e.getMessage(), e);
        }
    }

    private String run(List<String> args) throws AutomationException {
        return run(args, line -> { });
    }

    private String run(List<String> args, Consumer<String> onLine) throws AutomationException {
        var options = CommandRunOptions.builder().workingDir(projectDir).additionalEnv(environment)
                .onStandardOutput(onLine).build();
        return LocalPulumiCommand.create().run(args, options).standardOutput();
    }
}
