package com.alai.cloud.client.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads from outside: environment variables and the clock. Passed in, never read globally, so a test
 * runs a whole command against its own environment.
 */
public record Environment(Map<String, String> variables, Clock clock) {
    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv(), Clock.systemUTC());
    }

    /** A variable's value; unset and empty are the same. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public Path home() {
        return Path.of(get("HOME").orElse(System.getProperty("user.home")));
    }

    /** $XDG_CONFIG_HOME/alai, else ~/.config/alai: the config file and the token file when no keyring answers. */
    public Path configDir() {
        return get("XDG_CONFIG_HOME").map(Path::of).orElse(home().resolve(".config")).resolve("alai");
    }

    /** NO_COLOR (https://no-color.org): any non-empty value turns colour off. */
    public boolean noColor() {
        return get("NO_COLOR").isPresent();
    }

    /** A path that may start with ~/. */
    public Path expand(String path) {
        return path.startsWith("~/") ? home().resolve(path.substring(2)) : Path.of(path);
    }
}
