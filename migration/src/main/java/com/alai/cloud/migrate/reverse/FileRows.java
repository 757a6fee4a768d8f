package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.mc.RowConverter;
import com.alai.cloud.services.common.db.SqlIdentifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * UPDATE and INSERT of one typed table's file rows, value by value in the file's own columns and formats. A value
 * kept in extra goes back to its column as it came ({"base64": …} back to a BLOB).
 */
final class FileRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection sqlite;
    private final TypedSide side;

    FileRows(Connection sqlite, TypedSide side) {
        this.sqlite = sqlite;
        this.side = side;
    }

    /** Writes the fields that differ between {@code before} and {@code after}; returns those the file has no column for. */
    @SuppressWarnings("unchecked")
    List<String> update(long id, Object[] raw, List<Object> before, List<Object> after) throws Exception {
        var sets = new LinkedHashMap<String, Object>();
        var unwritable = new ArrayList<String>();
        List<String> columns = side.columns();
        int last = after.size() - 1;
        for (int field = 1; field < last; field++) {
            if (WriteBack.same(before.get(field), after.get(field))) {
                continue;
            }
            String column = side.column(field);
            if (column == null) {
                unwritable.add(side.fields().get(field));
            } else {
                sets.put(column, side.encode(field, after.get(field), raw[columns.indexOf(column)]));
            }
        }
        var was = (Map<String, Object>) before.get(last);
        var now = (Map<String, Object>) after.get(last);
        var keys = new TreeSet<>(was.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            if (key.startsWith(RowConverter.LEGACY) || WriteBack.same(was.get(key), now.get(key))) {
                continue;
            }
            if (side.extraColumns().contains(key)) {
                sets.put(key, stored(now.get(key)));
            } else {
                unwritable.add("extra." + key);
            }
        }
        if (!sets.isEmpty()) {
            String sql = "UPDATE " + SqlIdentifier.quote(side.table()) + " SET " + String.join(", ",
                    sets.keySet().stream().map(c -> SqlIdentifier.quote(c) + " = ?").toList()) + " WHERE " + quoteKey() + " = ?";
            try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
                int i = 1;
                for (Object value : sets.values()) {
                    ps.setObject(i++, value);
                }
                ps.setLong(i, id);
                ps.executeUpdate();
            }
        }
        return unwritable;
    }

    @SuppressWarnings("unchecked")
    void insert(long id, List<Object> after) throws Exception {
        var values = new LinkedHashMap<String, Object>();
        values.put(side.key(), id);
        var extra = (Map<String, Object>) after.get(after.size() - 1);
        for (int field = 1; field < after.size() - 1; field++) {
            String column = side.column(field);
            if (column != null) {
                values.put(column, side.encode(field, after.get(field), null));
            }
        }
        for (String column : side.extraColumns()) {
            values.put(column, stored(extra.get(column)));
        }
        String sql = "INSERT INTO " + SqlIdentifier.quote(side.table()) + " (" + String.join(", ",
                values.keySet().stream().map(this::quoteColumn).toList()) + ") VALUES ("
                + String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
    }

    private String quoteKey() {
        return quoteColumn(side.key());
    }

    /** The rowid aliases stay bare: quoted, "rowid" would name a column, not the rowid. */
    private String quoteColumn(String column) {
        return side.columns().contains(column) ? SqlIdentifier.quote(column) : column;
    }

    /** A value from extra as the column stored it. */
    private static Object stored(Object value) throws Exception {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("base64") instanceof String b64) {
            return Base64.getDecoder().decode(b64);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return JSON.writeValueAsString(value);
        }
        return value instanceof Boolean b ? (b ? 1 : 0) : value;
    }
}
