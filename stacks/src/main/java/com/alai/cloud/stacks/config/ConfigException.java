package com.alai.cloud.stacks.config;

/** A configuration value that is missing or invalid; the message names the key and says what to do. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super("config " + (key.contains(":") ? key : SettingsReader.NAMESPACE + ":" + key) + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
