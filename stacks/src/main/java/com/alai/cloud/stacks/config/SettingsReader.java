package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Typed, validated reads from a {@link ConfigSource}; every failure names its key. */
public final class SettingsReader {
    public static final String NAMESPACE = "alai-cloud";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Notices already printed by this process: `plan --all` reads the same file once per stack. */
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private final ConfigSource source;
    private final List<String> notices = new ArrayList<>();

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

    /**
     * A structured setting (a YAML mapping or sequence) bound to {@code type}; absent when unset. A value in the old
     * string form is converted by {@code legacy} (one release), with a notice on how to write it. Every binding error
     * names the Pulumi path of the bad value, e.g. {@code alai-cloud:budgets.dev-phase2}.
     */
    public <T> Optional<T> structured(String key, TypeReference<T> type,
                                      BiFunction<String, JsonNode, Optional<LegacyForms.Converted>> legacy) {
        Optional<JsonNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode value = node.get();
        Optional<LegacyForms.Converted> converted = legacy.apply(key, value);
        if (converted.isPresent()) {
            notice(converted.get().notice());
            value = converted.get().value();
        }
        return Optional.of(bind(key, value, type));
    }

    /** Binds an already-read tree to {@code type}, errors named by path under {@code key}. */
    public static <T> T bind(String key, JsonNode value, TypeReference<T> type) {
        try {
            return JSON.readerFor(type).readValue(value);
        } catch (JsonMappingException e) {
            throw BindingErrors.of(key, e);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot be read: " + e.getMessage());
        }
    }

    /** The raw tree of a setting; absent when unset or blank. */
    public Optional<JsonNode> node(String key) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(raw.get()));
        } catch (IOException e) {
            // A scalar that is not JSON text (Pulumi hands strings over as they are).
            return Optional.of(JSON.getNodeFactory().textNode(raw.get()));
        }
    }

    /** Tells the operator something that still works but will not next release; printed once per process. */
    void notice(String text) {
        notices.add(text);
        if (PRINTED.add(text)) {
            System.err.println("warning: " + text);
        }
    }

    /** The notices reading produced so far (old forms converted), for the caller to show or test. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Parses a value with {@code parser}; an IllegalArgumentException becomes a ConfigException naming the key. */
    public <T> T parsed(String key, Function<String, T> parser) {
        return parse(key, string(key), parser);
    }

    public static <V, T> T parse(String key, V value, Function<V, T> parser) {
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
