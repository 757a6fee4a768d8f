package com.alai.cloud.tests;

import com.alai.cloud.deploy.engine.EngineException;
import com.alai.cloud.deploy.engine.StackEngine;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.policy.graph.Synthesizer;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A stack engine that runs the real phase programs under Pulumi's mock engine and keeps the "deployed" state in
 * memory. It refuses, as Pulumi does, an update that would delete a protected resource. Drift can be injected to
 * exercise refresh and rollback.
 */
final class InMemoryStackEngine implements StackEngine {
    private final YamlConfigSource baseConfig;
    private final Map<String, ResourceGraph> deployed = new HashMap<>();
    private final Map<String, List<String>> drift = new HashMap<>();
    private final List<String> updates = new ArrayList<>();

    public InMemoryStackEngine(YamlConfigSource baseConfig) {
        this.baseConfig = baseConfig;
    }

    @Override
    public synchronized Deployment up(String stack, Map<String, String> config, Consumer<String> progress) {
        String env = Phase.envOf(stack);
        Phase phase = Phase.ofStack(env, stack);
        var synthesizer = new Synthesizer(EnvironmentSettings.read(baseConfig.with(config)));
        for (Phase earlier : Phase.values()) {
            if (earlier.compareTo(phase) < 0 && !deployed.containsKey(earlier.stackName(env))) {
                throw new EngineException("stack " + stack + " reads " + earlier.stackName(env) + ", which is not deployed");
            }
        }
        ResourceGraph graph = synthesizer.synthesize(phase);
        refuseProtectedDeletes(stack, graph);
        for (ResourceNode node : graph.cloudResources()) {
            progress.accept("  + " + node.shortType() + " " + node.physicalName());
        }
        deployed.put(stack, graph);
        drift.remove(stack);
        updates.add(stack);
        return new Deployment(stack, graph.cloudResources().size(), graph.exports());
    }

    private void refuseProtectedDeletes(String stack, ResourceGraph next) {
        ResourceGraph previous = deployed.get(stack);
        if (previous == null) {
            return;
        }
        Set<String> kept = next.resources().stream().map(ResourceNode::key).collect(Collectors.toSet());
        for (ResourceNode node : previous.resources()) {
            if (node.protect() && !kept.contains(node.key())) {
                throw new EngineException("update of " + stack + " would delete protected resource " + node.physicalName()
                        + "; unprotect it deliberately first");
            }
        }
    }

    @Override
    public synchronized Drift refresh(String stack, boolean previewOnly, Consumer<String> progress) {
        requireDeployed(stack);
        List<String> changes = List.copyOf(drift.getOrDefault(stack, List.of()));
        if (!previewOnly) {
            drift.remove(stack);
        }
        changes.forEach(c -> progress.accept("  ~ " + c));
        return new Drift(stack, changes);
    }

    @Override
    public synchronized String exportState(String stack) {
        ResourceGraph graph = deployed.get(stack);
        var state = new HashMap<String, Object>();
        state.put("stack", stack);
        state.put("resources", graph == null ? List.of() : graph.cloudResources().stream().map(ResourceNode::key).toList());
        try {
            return new ObjectMapper().writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EngineException("cannot export " + stack, e);
        }
    }

    @Override
    public synchronized Map<String, Object> outputs(String stack) {
        return requireDeployed(stack).exports();
    }

    /** Simulates a change made outside Pulumi (e.g. in the portal) that the next refresh reports. */
    public synchronized void injectDrift(String stack, String change) {
        drift.computeIfAbsent(stack, k -> new ArrayList<>()).add(change);
    }

    public synchronized ResourceGraph deployed(String stack) {
        return requireDeployed(stack);
    }

    /** Stacks updated so far, in order. */
    public synchronized List<String> updates() {
        return List.copyOf(updates);
    }

    private ResourceGraph requireDeployed(String stack) {
        ResourceGraph graph = deployed.get(stack);
        if (graph == null) {
            throw new EngineException("stack " + stack + " has never been deployed");
        }
        return graph;
    }
}
