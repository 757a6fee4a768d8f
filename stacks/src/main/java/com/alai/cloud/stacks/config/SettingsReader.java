package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Typed, validated reads from a {@link ConfigSource}; every failure names its key. */
public final class SettingsReader {
    public static final String NAMESPACE = "alai-cloud";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigSource source;

    public SettingsReader(ConfigSource source) {
        this.source = source;
    }

    public String string(String key) {
        return source.get(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new ConfigException(key, "is required; set it in Pulumi.<env>.yaml or with `pulumi config set "
                        + NAMESPACE + ":" + key + " VALUE`"));
    }

    public Optional<String> optional(String key) {
        return source.get(key).filter(v -> !v.isBlank());
    }

    public String matching(String key, String regex, String expectation) {
        String value = string(key);
        if (!value.matches(regex)) {
            throw new ConfigException(key, "'" + value + "' " + expectation);
        }
        return value;
    }

    public int integer(String key, int min, int max) {
        String value = string(key);
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new ConfigException(key, n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "'" + value + "' is not an integer");
        }
    }

    public double decimal(String key, double min, double max) {
        String value = string(key);
        try {
            double n = Double.parseDouble(value.strip());
            if (!(n >= min && n <= max)) {
                throw new ConfigException(key, value + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "'" + value + "' is not a number");
        }
    }

    public boolean bool(String key) {
        String value = string(key).strip();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, "'" + value + "' must be true or false");
        };
    }

    /** A list of strings (YAML sequence or JSON array); absent means empty. */
    public List<String> list(String key) {
        Optional<String> raw = source.get(key);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(raw.get(), new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            throw new ConfigException(key, "must be a list of strings");
        }
    }

    /** Parses a value with {@code parser}; an IllegalArgumentException becomes a ConfigException naming the key. */
    public <T> T parsed(String key, Function<String, T> parser) {
        return parse(key, string(key), parser);
    }

    public static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    public String describe() {
        return source.describe();
    }
}
