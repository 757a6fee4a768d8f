package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Pulumi stack settings file, {@code Pulumi.<stack>.yaml}, as a YAML tree: its {@code config} map plus whatever
 * else Pulumi keeps there (encryptionsalt, secretsprovider, encryptedkey), which is carried over untouched.
 */
public record StackFile(Path path, ObjectNode root) {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .stringQuotingChecker(new DatesQuoted())
            .build());

    /**
     * Quotes text that looks like a date as well: Pulumi's YAML reads an unquoted 2027-06-30 as a timestamp and writes
     * it back as "2027-06-30 00:00:00 +0000 UTC" on the next `pulumi config set`.
     */
    private static final class DatesQuoted extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return value.matches("\\d{4}-\\d{2}-\\d{2}.*") || super.needToQuoteValue(value);
        }
    }

    public static Path of(Path projectDir, String stack) {
        return projectDir.resolve("Pulumi." + stack + ".yaml");
    }

    /** The file's tree, or an empty one when the file does not exist yet. */
    public static StackFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            return new StackFile(path, JsonNodeFactory.instance.objectNode());
        }
        try {
            JsonNode node = YAML.readTree(path.toFile());
            if (node != null && !node.isNull() && !node.isObject()) {
                throw new ConfigException("*", path.getFileName() + " must be a YAML mapping");
            }
            return new StackFile(path, node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) node);
        } catch (IOException e) {
            throw new ConfigException("*", path.getFileName() + " is not valid YAML: " + e.getMessage());
        }
    }

    /** The {@code config} map, keyed as Pulumi keys it (namespace:key). */
    public Map<String, JsonNode> config() {
        var config = new LinkedHashMap<String, JsonNode>();
        root.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue()));
        return config;
    }

    /** A copy with {@code config} replaced and every other top-level key kept. */
    public StackFile withConfig(Map<String, JsonNode> config) {
        ObjectNode copy = root.deepCopy();
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        config.forEach(map::set);
        copy.set("config", map);
        return new StackFile(path, copy);
    }

    /** A copy whose {@code namespace:key} holds {@code value} (a scalar, mapping or sequence). */
    public StackFile with(String key, JsonNode value) {
        var config = config();
        config.put(key, value);
        return withConfig(config);
    }

    /** Writes the file atomically (temp file, then rename), with {@code header} as leading comment lines. */
    public void write(String header) {
        try {
            StringBuilder text = new StringBuilder();
            for (String line : header.split("\n", -1)) {
                if (!line.isEmpty()) {
                    text.append("# ").append(line).append('\n');
                }
            }
            text.append(YAML.writeValueAsString(root));
            Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".stack", ".yaml");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
