package com.alai.cloud.stacks.config;

import java.util.Optional;

/** Raw configuration by key (without the project namespace); structured values arrive as JSON text. */
public interface ConfigSource {
    Optional<String> get(String key);

    /** Where values come from, for error messages (e.g. "Pulumi.dev.yaml"). */
    String describe();
}
