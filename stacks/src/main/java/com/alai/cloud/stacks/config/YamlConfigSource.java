package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration the way Pulumi layers it, from the project's own files: defaults declared in Pulumi.yaml,
 * then the environment file Pulumi.&lt;env&gt;.yaml, then the stack's Pulumi.&lt;stack&gt;.yaml. The same files
 * feed `pulumi up` and the offline plan, so what is planned is what deploys.
 */
public final class YamlConfigSource implements ConfigSource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;
    private final List<String> files;

    private YamlConfigSource(Map<String, String> values, List<String> files) {
        this.values = Map.copyOf(values);
        this.files = List.copyOf(files);
    }

    /** Loads the layers for {@code stack} of environment {@code env} from {@code projectDir}. */
    public static YamlConfigSource load(Path projectDir, String env, String stack) {
        Path project = projectDir.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(project)) {
            throw new ConfigException("*", "no Pulumi.yaml in " + projectDir.toAbsolutePath()
                    + " (run from the repository root or set ALAI_HOME)");
        }
        var values = new LinkedHashMap<String, String>();
        var files = new ArrayList<String>();
        read(project).path("config").fields().forEachRemaining(e -> {
            JsonNode fallback = e.getValue().isObject() ? e.getValue().get("default") : e.getValue();
            if (fallback != null && !fallback.isNull()) {
                values.put(unqualified(e.getKey()), text(fallback));
            }
        });
        files.add("Pulumi.yaml");
        for (String layer : env.equals(stack) ? List.of(env) : List.of(env, stack)) {
            Path file = projectDir.resolve("Pulumi." + layer + ".yaml");
            if (Files.isRegularFile(file)) {
                read(file).path("config").fields().forEachRemaining(e -> {
                    if (e.getValue().isObject() && e.getValue().has("secure")) {
                        throw new ConfigException(unqualified(e.getKey()), "is an encrypted Pulumi secret in "
                                + file.getFileName() + "; secrets come from Bitwarden bindings (bw:ITEM#FIELD), not stack config");
                    }
                    values.put(unqualified(e.getKey()), text(e.getValue()));
                });
                files.add(file.getFileName().toString());
            }
        }
        return new YamlConfigSource(values, files);
    }

    /** A source over explicit values, e.g. overrides layered on top by tests or the orchestrator. */
    public YamlConfigSource with(Map<String, String> overrides) {
        var merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        var layers = new ArrayList<>(files);
        layers.add("overrides");
        return new YamlConfigSource(merged, layers);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<String, String> values() {
        return values;
    }

    @Override
    public String describe() {
        return String.join(" < ", files);
    }

    private static String unqualified(String key) {
        String prefix = SettingsReader.NAMESPACE + ":";
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static String text(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new ConfigException("*", file.getFileName() + " is not valid YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }
}
