package com.alai.cloud.services.common.config;

/** A missing or invalid environment variable; the message starts with the variable's name. */
public final class ConfigError extends RuntimeException {
    public ConfigError(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
