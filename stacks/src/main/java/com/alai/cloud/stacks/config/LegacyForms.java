package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The string forms settings had before they became YAML objects and lists ({@code dev-phase2=40},
 * {@code RULE|STACK|RESOURCE|REASON|DATE}, {@code office=1.2.3.4}, {@code mc-api=IMAGE}). They are read for one
 * release: each is converted to the new form, and the notice shows that form as YAML to paste over the old one.
 * Remove this class in the release after.
 */
public final class LegacyForms {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private LegacyForms() {
    }

    /** A converted value and the notice telling the operator how to write it. */
    public record Converted(JsonNode value, String notice) {
    }

    /** {@code STACK=USD} entries to a mapping of stack to number. */
    static Optional<Converted> budgets(String key, JsonNode node) {
        return entries(key, node, "STACK=USD", NODES.objectNode(), (map, pair) -> {
            map.set(pair[0], number(pair[1]));
            return map;
        });
    }

    /** {@code SERVICE=IMAGE} entries to a mapping of service to image. */
    static Optional<Converted> images(String key, JsonNode node) {
        return entries(key, node, "SERVICE=IMAGE", NODES.objectNode(), (map, pair) -> map.put(pair[0], pair[1]));
    }

    /** {@code NAME=IP} or {@code NAME=START-END} entries to a list of {name, start, end}. */
    static Optional<Converted> firewall(String key, JsonNode node) {
        return entries(key, node, "NAME=IP or NAME=START-END", NODES.arrayNode(), (list, pair) -> {
            String[] ips = pair[1].split("-", 2);
            ObjectNode rule = list.addObject().put("name", pair[0]).put("start", ips[0]);
            if (ips.length == 2) {
                rule.put("end", ips[1]);
            }
            return list;
        });
    }

    /** {@code RULE|STACK|RESOURCE|REASON|YYYY-MM-DD} entries to a list of {rule, stack, resource, reason, expires}. */
    public static Optional<Converted> waivers(String key, JsonNode node) {
        if (!oldForm(node)) {
            return Optional.empty();
        }
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            String entry = node.get(i).asText();
            String[] parts = entry.split("\\|", -1);
            if (parts.length != 5) {
                throw new ConfigException(key + "[" + i + "]", "'" + entry + "' is neither a waiver object"
                        + " {rule, stack, resource, reason, expires} nor the old RULE|STACK|RESOURCE|REASON|YYYY-MM-DD form");
            }
            list.addObject().put("rule", parts[0].strip()).put("stack", parts[1].strip())
                    .put("resource", parts[2].strip()).put("reason", parts[3].strip()).put("expires", parts[4].strip());
        }
        return Optional.of(converted(key, "RULE|STACK|RESOURCE|REASON|YYYY-MM-DD", list));
    }

    /** A notice for a value built from keys that are gone ({@code from}), to be replaced by {@code key}. */
    static Converted replaced(String key, String from, JsonNode value) {
        return new Converted(value, "config " + SettingsReader.NAMESPACE + ":" + key + " is unset, so it was built from "
                + from + ", which are read for this release only. Replace them in Pulumi.<env>.yaml with:\n" + yaml(key, value));
    }

    /** True for a non-empty list of text entries: the old form of every structured setting. */
    static boolean oldForm(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static <T extends JsonNode> Optional<Converted> entries(String key, JsonNode node, String form, T empty,
                                                                    BiFunction<T, String[], T> add) {
        boolean emptyOldList = node != null && node.isArray() && node.isEmpty() && empty.isObject();
        if (!oldForm(node) && !emptyOldList) {
            return Optional.empty();
        }
        T result = empty;
        for (int i = 0; i < node.size(); i++) {
            String entry = node.get(i).asText();
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new ConfigException(key + "[" + i + "]", "'" + entry + "' is not the old " + form
                        + " form; write the setting as YAML (see README, Configuration)");
            }
            result = add.apply(result, new String[] {entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()});
        }
        return Optional.of(converted(key, form, result));
    }

    private static Converted converted(String key, String form, JsonNode value) {
        return new Converted(value, "config " + SettingsReader.NAMESPACE + ":" + key + " uses the old " + form
                + " strings, read for this release only. Replace them in Pulumi.<env>.yaml with:\n" + yaml(key, value));
    }

    private static JsonNode number(String text) {
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    private static String yaml(String key, JsonNode value) {
        try {
            ObjectNode root = NODES.objectNode();
            root.set(SettingsReader.NAMESPACE + ":" + key, value);
            return YAML.writeValueAsString(root).indent(2).stripTrailing();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
