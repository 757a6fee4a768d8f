package com.alai.cloud.components.secrets;

import java.util.Map;
import java.util.Objects;

/** Reads each reference from the environment variable {@link SecretRef#envName()} (CI, local runs). */
public final class EnvSecretSource implements SecretSource {
    private final Map<String, String> env;

    public EnvSecretSource(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    public static EnvSecretSource fromSystem() {
        return new EnvSecretSource(System.getenv());
    }

    @Override
    public String resolve(SecretRef ref) {
        String value = env.get(ref.envName());
        if (value == null || value.isEmpty()) {
            throw new SecretNotFoundException(ref, describe(), "set " + ref.envName());
        }
        return value;
    }

    @Override
    public String describe() {
        return "environment variables";
    }
}
