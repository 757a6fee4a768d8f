package com.alai.cloud.services.mc;

import java.util.List;
import java.util.Map;

/**
 * A validated PATCH body: only the fields present change; a field present as JSON null is cleared (where nullable).
 */
public record TaskPatch(Map<String, Object> changes) {
    public TaskPatch {
        changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }

    @SuppressWarnings("unchecked")
    public List<String> tags() {
        return (List<String>) changes.get("tags");
    }
}
