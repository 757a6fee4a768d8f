package com.alai.cloud.migrate.mc;

import com.alai.cloud.services.mc.TaskStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts one legacy row to a {@link TaskRow}. A value a typed column cannot hold exactly goes to
 * {@code extra["_legacy.<column>"]} (raw), so nothing is lost; unknown columns go to {@code extra["<column>"]}.
 */
public final class RowConverter {
    public static final String LEGACY = "_legacy.";
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final DateTimeFormatter SQLITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    // timestamptz's range, a little inside it at the old end (4713 BC is ISO year -4712).
    private static final Instant POSTGRES_MIN = LocalDateTime.of(-4712, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant POSTGRES_MAX = LocalDateTime.of(294276, 12, 31, 23, 59, 59).toInstant(ZoneOffset.UTC);
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final Pattern INT = Pattern.compile("-?\\d{1,9}");

    private final String[] columns;
    private final Target[] targets;

    public RowConverter(ColumnPlan plan) {
        this.columns = plan.columns().keySet().toArray(String[]::new);
        this.targets = plan.columns().values().toArray(Target[]::new);
    }

    /** {@code values} in the plan's column order. */
    public TaskRow convert(Object[] values, long fallbackId) {
        var extra = new TreeMap<String, Object>();
        var typed = new Object[Target.values().length];
        for (int c = 0; c < columns.length; c++) {
            if (targets[c] == Target.EXTRA) {
                extra.put(columns[c], json(values[c]));
            } else {
                typed[targets[c].ordinal()] = values[c];
            }
        }
        long id = typed[Target.ID.ordinal()] instanceof Number n ? n.longValue() : fallbackId;
        String title = text(typed[Target.TITLE.ordinal()], "title", extra);
        if (title == null) {
            extra.put(LEGACY + "title", null);
            title = "(untitled)";
        }
        String status = status(typed[Target.STATUS.ordinal()], extra);
        Instant created = instant(typed[Target.CREATED_AT.ordinal()], "created_at", extra);
        Instant updated = instant(typed[Target.UPDATED_AT.ordinal()], "updated_at", extra);
        Instant closed = instant(typed[Target.CLOSED_AT.ordinal()], "closed_at", extra);
        if (created == null) {
            extra.putIfAbsent(LEGACY + "created_at", null);
            created = updated != null ? updated : Instant.EPOCH;
        }
        if (updated == null) {
            extra.putIfAbsent(LEGACY + "updated_at", null);
            updated = created;
        }
        return new TaskRow(id, title, text(typed[Target.DESCRIPTION.ordinal()], "description", extra), status,
                text(typed[Target.ASSIGNEE.ordinal()], "assignee", extra), tags(typed[Target.TAGS.ordinal()], extra),
                integer(typed[Target.PRIORITY.ordinal()], extra), created, updated, closed,
                bool(typed[Target.ARCHIVED.ordinal()], extra), extra);
    }

    static Object json(Object value) {
        if (value instanceof byte[] bytes) {
            return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof String s && s.indexOf('\0') >= 0) {
            return Map.of("base64", Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return value;
    }

    static String text(Object value, String column, Map<String, Object> extra) {
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
        if (normal != null && TaskStatus.known(normal)) {
            if (!normal.equals(raw)) {
                extra.put(LEGACY + "status", json(raw));
            }
            return normal;
        }
        extra.put(LEGACY + "status", json(raw));
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
                if (tags.stream().anyMatch(tag -> tag.indexOf('\0') >= 0)) {
                    tags.replaceAll(tag -> tag.replace("\0", ""));
                    extra.put(LEGACY + "tags", json(raw));
                }
                return List.copyOf(tags);
            } catch (Exception e) {
                extra.put(LEGACY + "tags", json(raw));
                return List.of();
            }
        }
        for (String tag : raw.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        tags.replaceAll(tag -> tag.replace("\0", ""));
        if (!String.join(",", tags).equals(raw)) {
            extra.put(LEGACY + "tags", json(value.toString()));
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
        if (value instanceof String s && INT.matcher(s).matches()) {
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

    /**
     * ISO-8601, SQLite's "yyyy-MM-dd HH:mm:ss" (UTC), epoch seconds or epoch milliseconds, sniffed per value. A value
     * finer than PostgreSQL's microsecond keeps its raw form in extra.
     */
    static Instant instant(Object value, String column, Map<String, Object> extra) {
        Instant parsed = parse(value, column, extra);
        if (parsed != null && (parsed.isBefore(POSTGRES_MIN) || parsed.isAfter(POSTGRES_MAX))) {
            extra.put(LEGACY + column, json(value));
            return null;
        }
        return parsed;
    }

    private static Instant parse(Object value, String column, Map<String, Object> extra) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Number n) {
                if (n.doubleValue() != n.longValue()) {
                    extra.put(LEGACY + column, value);
                }
                return epoch(n.longValue());
            }
            String raw = value.toString().strip();
            if (EPOCH.matcher(raw).matches()) {
                return epoch(Long.parseLong(raw));
            }
            Instant plain = plainSeconds(raw);
            if (plain != null) {
                return plain;
            }
            Instant parsed = raw.length() >= 19 && raw.charAt(10) == ' '
                    ? LocalDateTime.parse(raw, SQLITE).toInstant(ZoneOffset.UTC) : Instant.parse(raw);
            if (parsed.getNano() % 1000 != 0) {
                extra.put(LEGACY + column, raw);
                return parsed.minusNanos(parsed.getNano() % 1000);
            }
            return parsed;
        } catch (DateTimeException | ArithmeticException e) {
            extra.put(LEGACY + column, json(value));
            return null;
        }
    }

    /** The two forms ANVIL wrote most, "yyyy-MM-dd HH:mm:ss" and "yyyy-MM-ddTHH:mm:ssZ", without a formatter. */
    private static Instant plainSeconds(String raw) {
        int n = raw.length();
        if (!(n == 19 && raw.charAt(10) == ' ' || n == 20 && raw.charAt(10) == 'T' && raw.charAt(19) == 'Z')
                || raw.charAt(4) != '-' || raw.charAt(7) != '-' || raw.charAt(13) != ':' || raw.charAt(16) != ':') {
            return null;
        }
        int year = digits(raw, 0, 4);
        int month = digits(raw, 5, 7);
        int day = digits(raw, 8, 10);
        int hour = digits(raw, 11, 13);
        int minute = digits(raw, 14, 16);
        int second = digits(raw, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant epoch(long value) {
        return value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
