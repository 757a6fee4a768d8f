package com.alai.cloud.tests;

import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.policy.graph.Synthesizer;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The repository's own dev environment, synthesized once per test JVM. */
final class Offline {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private static Synthesizer synthesizer;
    private static final Map<Phase, ResourceGraph> GRAPHS = new EnumMap<>(Phase.class);

    private Offline() {
    }

    static YamlConfigSource config() {
        return YamlConfigSource.load(HOME, "dev", "dev");
    }

    static EnvironmentSettings settings() {
        return EnvironmentSettings.read(config());
    }

    static EnvironmentSettings settings(Map<String, String> overrides) {
        return EnvironmentSettings.read(config().with(overrides));
    }

    static synchronized ResourceGraph graph(Phase phase) {
        if (synthesizer == null) {
            synthesizer = new Synthesizer(settings());
        }
        return GRAPHS.computeIfAbsent(phase, synthesizer::synthesize);
    }

    static List<ResourceNode> apps(Phase phase) {
        return graph(phase).ofType("azure-native:app:ContainerApp");
    }

    static ResourceNode only(ResourceGraph graph, String type) {
        List<ResourceNode> nodes = graph.ofType(type);
        if (nodes.size() != 1) {
            throw new AssertionError("expected one " + type + " in " + graph.stack() + ", found " + nodes.size());
        }
        return nodes.get(0);
    }
}
