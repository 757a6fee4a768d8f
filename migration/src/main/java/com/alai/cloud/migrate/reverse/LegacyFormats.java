package com.alai.cloud.migrate.reverse;

import com.alai.cloud.services.common.db.SqlIdentifier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the file spells values, learnt from the file itself: each status's most used spelling ("in-progress" for
 * in_progress), the true and false of a boolean column ("yes"/"no", 1/0), tags as CSV or JSON, and a date column's
 * encoding. A row being written back keeps its own value's format when it has one; a new row takes the column's.
 * `alai mc` writes through it too in its local mode, so the file keeps one spelling whoever writes.
 */
public final class LegacyFormats {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y");

    private final Connection sqlite;
    private final String table;
    private final Map<String, Map<String, Object>> spellings = new HashMap<>();
    private final Map<String, Object> latest = new HashMap<>();

    public LegacyFormats(Connection sqlite, String table) {
        this.sqlite = sqlite;
        this.table = table;
    }

    public Object date(String column, Instant value, Object raw) throws SQLException {
        if (value == null) {
            return null;
        }
        Object sample = DateFormat.of(raw) != null ? raw : latest(column);
        DateFormat format = DateFormat.of(sample);
        return (format == null ? DateFormat.ISO : format).write(value, sample instanceof Number);
    }

    public Object status(String column, String value) throws SQLException {
        return value == null ? null : spellings(column).getOrDefault(value, value);
    }

    public Object bool(String column, boolean value) throws SQLException {
        return spellings(column).getOrDefault(value ? "true" : "false", value ? 1 : 0);
    }

    public Object tags(String column, List<String> value, Object raw) throws SQLException {
        Object sample = raw != null && !raw.toString().isBlank() ? raw : latest(column);
        boolean json = sample != null && sample.toString().strip().startsWith("[");
        if (json) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(",", value);
    }

    /** The most used spelling of each normal value in the column ("done" for done, "yes" for true …). */
    private Map<String, Object> spellings(String column) throws SQLException {
        if (!spellings.containsKey(column)) {
            var best = new HashMap<String, Object>();
            var counts = new HashMap<String, Long>();
            try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT " + SqlIdentifier.quote(column)
                    + ", count(*) FROM " + SqlIdentifier.quote(table) + " WHERE " + SqlIdentifier.quote(column)
                    + " IS NOT NULL GROUP BY 1")) {
                while (rs.next()) {
                    Object raw = rs.getObject(1);
                    String normal = normal(raw.toString());
                    if (rs.getLong(2) > counts.getOrDefault(normal, 0L)) {
                        counts.put(normal, rs.getLong(2));
                        best.put(normal, raw);
                    }
                }
            }
            spellings.put(column, best);
        }
        return spellings.get(column);
    }

    private static String normal(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) {
            return "true";
        }
        if (Set.of("0", "false", "f", "no", "n").contains(s)) {
            return "false";
        }
        return s.replace('-', '_').replace(' ', '_');
    }

    private Object latest(String column) throws SQLException {
        if (!latest.containsKey(column)) {
            try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT " + SqlIdentifier.quote(column)
                    + " FROM " + SqlIdentifier.quote(table) + " WHERE " + SqlIdentifier.quote(column) + " IS NOT NULL"
                    + " AND " + SqlIdentifier.quote(column) + " != '' ORDER BY rowid DESC LIMIT 1")) {
                latest.put(column, rs.next() ? rs.getObject(1) : null);
            }
        }
        return latest.get(column);
    }
}
