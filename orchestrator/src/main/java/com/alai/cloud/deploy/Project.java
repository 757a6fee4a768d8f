package com.alai.cloud.deploy;

import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository an operator runs in: where Pulumi.yaml lives, and the settings of one environment. */
public record Project(Path home) {

    /** ALAI_HOME when set, else the nearest directory upwards from the working directory holding Pulumi.yaml. */
    public static Project locate() {
        String env = System.getenv("ALAI_HOME");
        if (env != null && !env.isBlank()) {
            return at(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
                return new Project(dir);
            }
        }
        throw new UsageException("no Pulumi.yaml here or above; run inside the alai-cloud repository or set ALAI_HOME");
    }

    public static Project at(Path dir) {
        if (!Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
            throw new UsageException("no Pulumi.yaml in " + dir.toAbsolutePath());
        }
        return new Project(dir.toAbsolutePath().normalize());
    }

    public YamlConfigSource config(String env, Phase phase) {
        return YamlConfigSource.load(home, env, phase.stackName(env));
    }

    public EnvironmentSettings settings(String env, Phase phase) {
        return EnvironmentSettings.read(config(env, phase));
    }
}
