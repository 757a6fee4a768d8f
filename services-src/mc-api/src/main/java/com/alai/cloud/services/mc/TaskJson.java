package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Strict parsing of task bodies: known fields only, exact types, bounded sizes, one message per bad field. */
final class TaskJson {
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    static final Pattern ASSIGNEE = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}._:/-]{1," + MAX_TAG + "}");
    private static final Set<String> FIELDS = Set.of("title", "description", "status", "assignee", "tags", "priority");
    private static final ObjectMapper JSON = Json.mapper();

    private TaskJson() {
    }

    static NewTask parseNew(String body) {
        JsonNode root = object(body);
        var errors = new TreeMap<String, String>();
        unknownFields(root, errors);
        if (!root.hasNonNull("title")) {
            errors.put("title", "is required");
        }
        String title = text(root, "title", MAX_TITLE, errors);
        String description = text(root, "description", MAX_DESCRIPTION, errors);
        String status = root.has("status") ? status(root, errors) : "open";
        String assignee = assignee(root, errors);
        List<String> tags = tags(root, errors);
        Integer priority = priority(root, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewTask(title, description, status, assignee, tags == null ? List.of() : tags, priority);
    }

    static TaskPatch parsePatch(String body) {
        JsonNode root = object(body);
        var errors = new TreeMap<String, String>();
        unknownFields(root, errors);
        var changes = new LinkedHashMap<String, Object>();
        if (root.has("title")) {
            if (root.get("title").isNull()) {
                errors.put("title", "cannot be null");
            }
            changes.put("title", text(root, "title", MAX_TITLE, errors));
        }
        if (root.has("description")) {
            changes.put("description", text(root, "description", MAX_DESCRIPTION, errors));
        }
        if (root.has("status")) {
            changes.put("status", status(root, errors));
        }
        if (root.has("assignee")) {
            changes.put("assignee", assignee(root, errors));
        }
        if (root.has("tags")) {
            List<String> tags = tags(root, errors);
            changes.put("tags", tags == null ? List.of() : tags);
        }
        if (root.has("priority")) {
            changes.put("priority", priority(root, errors));
        }
        if (changes.isEmpty() && errors.isEmpty()) {
            errors.put("body", "names no field to change");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new TaskPatch(changes);
    }

    static JsonNode object(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return root;
    }

    private static void unknownFields(JsonNode root, Map<String, String> errors) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                errors.put(name.length() > 60 ? name.substring(0, 60) : name, "is not a field of a task");
            }
        }
    }

    static String text(JsonNode root, String field, int max, Map<String, String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.put(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.codePointCount(0, value.length()) > max) {
            errors.put(field, "must be at most " + max + " characters");
        } else if (value.indexOf('\0') >= 0) {
            errors.put(field, "must not contain NUL characters");
        } else if ("title".equals(field) && value.isBlank()) {
            errors.put(field, "must not be blank");
        }
        return value;
    }

    private static String status(JsonNode root, Map<String, String> errors) {
        JsonNode node = root.get("status");
        if (node == null || !node.isTextual() || !TaskStatus.known(node.textValue())) {
            errors.put("status", "must be one of " + TaskStatus.ALL);
            return null;
        }
        return node.textValue();
    }

    private static String assignee(JsonNode root, Map<String, String> errors) {
        JsonNode node = root.get("assignee");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !ASSIGNEE.matcher(node.textValue()).matches()) {
            errors.put("assignee", "must be 1-100 of letters, digits and . _ @ -");
            return null;
        }
        return node.textValue();
    }

    private static List<String> tags(JsonNode root, Map<String, String> errors) {
        JsonNode node = root.get("tags");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_TAGS) {
            errors.put("tags", "must be an array of at most " + MAX_TAGS + " tags");
            return null;
        }
        var tags = new ArrayList<String>();
        for (JsonNode tag : node) {
            if (!tag.isTextual() || !TAG.matcher(tag.textValue()).matches()) {
                errors.put("tags", "each tag must be 1-" + MAX_TAG + " letters, digits or . _ : / -");
                return null;
            }
            if (!tags.contains(tag.textValue())) {
                tags.add(tag.textValue());
            }
        }
        return tags;
    }

    private static Integer priority(JsonNode root, Map<String, String> errors) {
        JsonNode node = root.get("priority");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > 5) {
            errors.put("priority", "must be an integer from 0 to 5");
            return null;
        }
        return node.intValue();
    }
}
