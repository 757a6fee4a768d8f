package com.alai.cloud.migrate.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows as canonical text (values in column order, maps with sorted keys), an ordered SHA-256 over them, and
 * per-column aggregates (non-null count, total text length or numeric sum, min and max).
 */
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

    private static Object normal(Object value) {
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

    public static String hash(List<String> rowsInOrder) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String row : rowsInOrder) {
                digest.update(row.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> aggregates(List<String> columns, List<List<Object>> rows) {
        var result = new LinkedHashMap<String, String>();
        for (int c = 0; c < columns.size(); c++) {
            long nonNull = 0;
            double sum = 0;
            String min = null;
            String max = null;
            for (List<Object> row : rows) {
                Object v = normal(row.get(c));
                if (v == null) {
                    continue;
                }
                nonNull++;
                String text = v instanceof Map<?, ?> || v instanceof List<?> ? row(List.of(v)) : v.toString();
                sum += v instanceof Number n ? n.doubleValue() : text.codePointCount(0, text.length());
                min = min == null || text.compareTo(min) < 0 ? text : min;
                max = max == null || text.compareTo(max) > 0 ? text : max;
            }
            result.put(columns.get(c), "nonNull=" + nonNull + " sum=" + (long) sum + " min=" + abbreviate(min)
                    + " max=" + abbreviate(max));
        }
        return result;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String hash = Integer.toHexString(text.hashCode());
        return text.length() <= 24 ? text : text.substring(0, 24) + "…#" + hash;
    }
}
