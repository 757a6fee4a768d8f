package com.alai.cloud.policy.graph;

import com.alai.cloud.components.secrets.SecretSource;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.phases.Phase;
import com.alai.cloud.stacks.phases.PhaseCatalog;
import com.alai.cloud.stacks.phases.PhaseProgram;
import com.alai.cloud.stacks.phases.StackEnvironment;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs phase programs under Pulumi's mock engine, offline, and returns what they declare. A phase's stack
 * references are answered with the exports of the earlier phases' own synthesis, so contracts are checked for real.
 */
public final class Synthesizer {
    public static final String ORGANIZATION = "organization";
    public static final String PROJECT = "alai-cloud";

    private final EnvironmentSettings settings;
    private final SecretSource secrets;
    private final Map<String, Map<String, Object>> exportsByStack = new ConcurrentHashMap<>();
    private final Map<Phase, ResourceGraph> graphs = new LinkedHashMap<>();

    public Synthesizer(EnvironmentSettings settings) {
        this(settings, new OfflineSecretSource());
    }

    public Synthesizer(EnvironmentSettings settings, SecretSource secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The phase's graph; earlier phases are synthesized first (once) to answer its stack references. */
    public synchronized ResourceGraph synthesize(Phase phase) {
        ResourceGraph cached = graphs.get(phase);
        if (cached != null) {
            return cached;
        }
        phase.previous().ifPresent(this::synthesize);
        PhaseProgram program = PhaseCatalog.of(phase);
        ResourceGraph graph = run(phase.stackName(settings.env()), program::define);
        graphs.put(phase, graph);
        return graph;
    }

    public List<ResourceGraph> synthesizeAll() {
        var all = new ArrayList<ResourceGraph>();
        for (Phase phase : Phase.values()) {
            all.add(synthesize(phase));
        }
        return all;
    }

    /** Runs any program (e.g. components with deliberately bad arguments) as stack {@code stack}. */
    public synchronized ResourceGraph run(String stack, BiConsumer<Context, StackEnvironment> program) {
        var environment = new StackEnvironment(settings, secrets, ORGANIZATION, PROJECT, false);
        var recorder = new Recorder();
        var options = TestOptions.builder()
                .organizationName(ORGANIZATION)
                .projectName(PROJECT)
                .stackName(stack)
                .preview(false)
                .resourceTransformations(List.of(recorder))
                .build();
        try {
            TestResult result = PulumiTest.withMocks(new MockCloud(recorder, settings.subscriptionId(), exportsByStack))
                    .withOptions(options)
                    .runTest(ctx -> program.accept(ctx, environment));
            if (!result.exceptions().isEmpty() || result.exitCode() != 0) {
                Throwable cause = result.exceptions().isEmpty() ? null : rootCause(result.exceptions().get(0));
                String message = cause != null && cause.getMessage() != null ? cause.getMessage()
                        : String.join("; ", result.errors());
                throw new SynthesisException("stack " + stack + " failed offline: " + message, cause);
            }
            Map<String, Object> exports = resolve(result.outputs());
            exportsByStack.put(environment.organization() + "/" + PROJECT + "/" + stack, exports);
            return new ResourceGraph(stack, recorder.nodes(), exports);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static Map<String, Object> resolve(Map<String, Output<?>> outputs) {
        var values = new LinkedHashMap<String, Object>();
        outputs.forEach((key, output) -> {
            try {
                values.put(key, Internal.of(output).getDataAsync().get(30, TimeUnit.SECONDS).getValueNullable());
            } catch (Exception e) {
                throw new SynthesisException("export " + key + " did not resolve offline", e);
            }
        });
        return values;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
