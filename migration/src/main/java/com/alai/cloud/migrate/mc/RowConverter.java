package com.alai.cloud.migrate.mc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts one legacy row to a {@link TaskRow}. A value a typed column cannot hold exactly goes to
 * {@code extra["_legacy.<column>"]} (raw), so nothing is lost; unknown columns go to {@code extra["<column>"]}.
 */
public final class RowConverter {
    public static final String LEGACY = "_legacy.";
    private static final List<String> STATUSES = List.of("open", "in_progress", "blocked", "review", "done", "cancelled");
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final DateTimeFormatter SQLITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final ColumnPlan plan;

    public RowConverter(ColumnPlan plan) {
        this.plan = plan;
    }

    public TaskRow convert(Map<String, Object> source, long fallbackId) {
        var extra = new TreeMap<String, Object>();
        var typed = new java.util.EnumMap<Target, Object>(Target.class);
        plan.columns().forEach((column, target) -> {
            Object value = source.get(column);
            if (target == Target.EXTRA) {
                extra.put(column, json(value));
            } else {
                typed.put(target, value);
            }
        });
        long id = typed.get(Target.ID) instanceof Number n ? n.longValue() : fallbackId;
        String title = text(typed.get(Target.TITLE), "title", extra);
        if (title == null) {
            extra.put(LEGACY + "title", null);
            title = "(untitled)";
        }
        String status = status(typed.get(Target.STATUS), extra);
        Instant created = instant(typed.get(Target.CREATED_AT), "created_at", extra);
        Instant updated = instant(typed.get(Target.UPDATED_AT), "updated_at", extra);
        Instant closed = instant(typed.get(Target.CLOSED_AT), "closed_at", extra);
        if (created == null) {
            extra.putIfAbsent(LEGACY + "created_at", null);
            created = updated != null ? updated : Instant.EPOCH;
        }
        if (updated == null) {
            extra.putIfAbsent(LEGACY + "updated_at", null);
            updated = created;
        }
        return new TaskRow(id, title, text(typed.get(Target.DESCRIPTION), "description", extra), status,
                text(typed.get(Target.ASSIGNEE), "assignee", extra), tags(typed.get(Target.TAGS), extra),
                integer(typed.get(Target.PRIORITY), extra), created, updated, closed,
                bool(typed.get(Target.ARCHIVED), extra), extra);
    }

    private static Object json(Object value) {
        if (value instanceof byte[] bytes) {
            return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof String s && s.indexOf('\0') >= 0) {
            return Map.of("base64", Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return value;
    }

    private static String text(Object value, String column, Map<String, Object> extra) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && s.indexOf('\0') < 0) {
            return s;
        }
        if (value instanceof Number || value instanceof String) {
            if (value instanceof String) {
                extra.put(LEGACY + column, json(value));
                return ((String) value).replace("\0", "");
            }
            return value.toString();
        }
        extra.put(LEGACY + column, json(value));
        return null;
    }

    private static String status(Object value, Map<String, Object> extra) {
        String raw = value == null ? null : value.toString();
        String normal = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normal != null && STATUSES.contains(normal)) {
            if (!normal.equals(raw)) {
                extra.put(LEGACY + "status", raw);
            }
            return normal;
        }
        extra.put(LEGACY + "status", raw);
        return "open";
    }

    private static List<String> tags(Object value, Map<String, Object> extra) {
        if (value == null) {
            return List.of();
        }
        String raw = value.toString().strip();
        var tags = new ArrayList<String>();
        if (raw.startsWith("[")) {
            try {
                for (Object tag : JSON.readValue(raw, List.class)) {
                    tags.add(String.valueOf(tag));
                }
                return List.copyOf(tags);
            } catch (Exception e) {
                extra.put(LEGACY + "tags", raw);
                return List.of();
            }
        }
        for (String tag : raw.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        if (!String.join(",", tags).equals(raw)) {
            extra.put(LEGACY + "tags", value.toString());
        }
        return List.copyOf(tags);
    }

    private static Integer integer(Object value, Map<String, Object> extra) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long l && l == l.intValue()) {
            return ((Number) value).intValue();
        }
        if (value instanceof String s && s.matches("-?\\d{1,9}")) {
            extra.put(LEGACY + "priority", s);
            return Integer.parseInt(s);
        }
        extra.put(LEGACY + "priority", json(value));
        return null;
    }

    private static boolean bool(Object value, Map<String, Object> extra) {
        if (value == null) {
            extra.put(LEGACY + "archived", null);
            return false;
        }
        String raw = value.toString().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(raw)) {
            return true;
        }
        if (!FALSE.contains(raw)) {
            extra.put(LEGACY + "archived", json(value));
        }
        return false;
    }

    /** ISO-8601, SQLite's "yyyy-MM-dd HH:mm:ss" (UTC), epoch seconds or epoch milliseconds, sniffed per value. */
    static Instant instant(Object value, String column, Map<String, Object> extra) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Number n) {
                return epoch(n.longValue());
            }
            String raw = value.toString().strip();
            if (raw.matches("\\d{9,13}")) {
                return epoch(Long.parseLong(raw));
            }
            if (raw.length() >= 19 && raw.charAt(10) == ' ') {
                return LocalDateTime.parse(raw, SQLITE).toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(raw);
        } catch (DateTimeParseException | ArithmeticException e) {
            extra.put(LEGACY + column, json(value));
            return null;
        }
    }

    private static Instant epoch(long value) {
        return value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
