package com.alai.cloud.deploy.engine;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OutputValue;
import com.pulumi.automation.RefreshOptions;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.WorkspaceStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The real engine: the Pulumi CLI driven through the Automation API, in the repository's project directory. */
public final class AutomationStackEngine implements StackEngine {
    private final Path projectDir;
    private final Map<String, String> environment;

    public AutomationStackEngine(Path projectDir, Map<String, String> environment) {
        PulumiCli.require();
        this.projectDir = projectDir;
        this.environment = Map.copyOf(environment);
    }

    private WorkspaceStack stack(String name) throws AutomationException {
        var options = LocalWorkspaceOptions.builder().workDir(projectDir).environmentVariables(environment).build();
        return WorkspaceStack.createOrSelect(name, LocalWorkspace.create(options));
    }

    @Override
    public Deployment up(String name, Map<String, String> config, Consumer<String> progress) {
        try (WorkspaceStack stack = stack(name)) {
            var values = new LinkedHashMap<String, ConfigValue>();
            config.forEach((k, v) -> values.put("alai-cloud:" + k, new ConfigValue(v)));
            if (!values.isEmpty()) {
                stack.setAllConfig(values);
            }
            var result = stack.up(UpOptions.builder().onStandardOutput(progress).color("never").build());
            Map<String, Object> outputs = plain(result.outputs());
            return new Deployment(name, outputs.size(), outputs);
        } catch (Exception e) {
            throw new EngineException("pulumi up of " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Drift refresh(String name, boolean previewOnly, Consumer<String> progress) {
        try (WorkspaceStack stack = stack(name)) {
            var changes = new ArrayList<String>();
            stack.refresh(RefreshOptions.builder().onStandardOutput(line -> {
                progress.accept(line);
                if (line.contains(" ~ ") || line.contains(" - ") || line.contains("updated")) {
                    changes.add(line.strip());
                }
            }).previewOnly(previewOnly).color("never").build());
            return new Drift(name, List.copyOf(changes));
        } catch (Exception e) {
            throw new EngineException("pulumi refresh of " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String exportState(String name) {
        try (WorkspaceStack stack = stack(name)) {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(stack.exportStack().deployment());
        } catch (Exception e) {
            throw new EngineException("pulumi stack export of " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> outputs(String name) {
        try (WorkspaceStack stack = stack(name)) {
            return plain(stack.getOutputs());
        } catch (Exception e) {
            throw new EngineException("reading outputs of " + name + " failed: " + e.getMessage(), e);
        }
    }

    // Secret outputs stay redacted: nothing secret leaves the engine.
    private static Map<String, Object> plain(Map<String, OutputValue> outputs) {
        var plain = new LinkedHashMap<String, Object>();
        outputs.forEach((k, v) -> plain.put(k, v.isSecret() ? "[secret]" : v.value()));
        return plain;
    }
}
