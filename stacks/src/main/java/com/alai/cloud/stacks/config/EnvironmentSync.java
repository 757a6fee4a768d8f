package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Derives each phase stack's settings file from its environment's file. Pulumi reads only {@code Pulumi.<stack>.yaml}
 * for a stack (plus the defaults in Pulumi.yaml), so {@code dev-phase2} must carry every value of {@code dev}: the
 * environment file stays the one place to edit, and its phase files are generated from it. The only values a phase
 * file owns are its images pinned by digest; Pulumi's encryption settings in it are kept.
 */
public final class EnvironmentSync {
    public static final String IMAGES = SettingsReader.NAMESPACE + ":images";

    private EnvironmentSync() {
    }

    /** The header every derived file starts with. */
    public static String header(String env) {
        return "Generated from Pulumi." + env + ".yaml by `alai-deploy config sync`: edit that file, then sync.\n"
                + "This stack's own values are its images pinned by digest (written by `alai-deploy up`).";
    }

    /** What {@code Pulumi.<stack>.yaml} must hold: the environment's config, with the stack's pinned images kept. */
    public static StackFile derive(Path projectDir, String env, String stack) {
        StackFile environment = StackFile.read(StackFile.of(projectDir, env));
        if (environment.config().isEmpty()) {
            throw new ConfigException("*", "Pulumi." + env + ".yaml has no config; the environment's values live there");
        }
        StackFile current = StackFile.read(StackFile.of(projectDir, stack));
        var config = new LinkedHashMap<>(environment.config());
        var images = images(environment.config().get(IMAGES));
        images(current.config().get(IMAGES)).forEach((service, image) -> {
            if (new ImageRef(image).pinned()) {
                images.put(service, image);
            }
        });
        StackFile derived = current.withConfig(config);
        if (images.isEmpty()) {
            return derived;
        }
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        images.forEach(map::put);
        return derived.with(IMAGES, map);
    }

    /** Keys whose value in the stack's file differs from what {@link #derive} gives, one line each; empty when in sync. */
    public static List<String> differences(Path projectDir, String env, String stack) {
        Map<String, JsonNode> want = derive(projectDir, env, stack).config();
        Map<String, JsonNode> have = StackFile.read(StackFile.of(projectDir, stack)).config();
        var keys = new TreeSet<>(want.keySet());
        keys.addAll(have.keySet());
        var differences = new ArrayList<String>();
        for (String key : keys) {
            if (!have.containsKey(key)) {
                differences.add(key + ": missing");
            } else if (!want.containsKey(key)) {
                differences.add(key + ": not in Pulumi." + env + ".yaml");
            } else if (!Objects.equals(canonical(want.get(key)), canonical(have.get(key)))) {
                differences.add(key + ": differs from Pulumi." + env + ".yaml");
            }
        }
        return differences;
    }

    /** Writes the derived file when it differs; true when it was written. */
    public static boolean sync(Path projectDir, String env, String stack) {
        if (differences(projectDir, env, stack).isEmpty()) {
            return false;
        }
        derive(projectDir, env, stack).write(header(env));
        return true;
    }

    /** SERVICE to IMAGE of an {@code images} value, in its mapping form or the old SERVICE=IMAGE list. */
    public static Map<String, String> images(JsonNode value) {
        var images = new LinkedHashMap<String, String>();
        JsonNode map = value == null ? null : LegacyForms.images(IMAGES, value).map(LegacyForms.Converted::value).orElse(value);
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> images.put(e.getKey(), e.getValue().asText()));
        }
        return images;
    }

    // Pulumi stores scalars as text (it may rewrite 30 as "30"), so scalars compare by text and structures by shape.
    private static Object canonical(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            var items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        var fields = new LinkedHashMap<String, Object>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), canonical(e.getValue())));
        return fields;
    }
}
