package com.alai.cloud.services.common.config;

import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables; every failure names the variable. */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(vars.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigError(name, "is required but not set"));
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigError(name, value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigError(name, "'" + raw.get() + "' is not an integer");
        }
    }

    public String url(String name, String... schemes) {
        String value = required(name);
        for (String scheme : schemes) {
            if (value.startsWith(scheme)) {
                return value;
            }
        }
        throw new ConfigError(name, "must start with one of " + String.join(", ", schemes));
    }
}
