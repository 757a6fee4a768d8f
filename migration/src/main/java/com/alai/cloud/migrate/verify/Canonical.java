package com.alai.cloud.migrate.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A row as canonical JSON text (values in column order, maps with sorted keys, integral numbers as longs) for display. */
public final class Canonical {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Canonical() {
    }

    public static String row(List<Object> values) {
        try {
            return JSON.writeValueAsString(values.stream().map(Canonical::normal).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object normal(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normal(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Canonical::normal).toList();
        }
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            return n.longValue();
        }
        return value == null ? null : value instanceof Boolean || value instanceof Number ? value : value.toString();
    }
}
