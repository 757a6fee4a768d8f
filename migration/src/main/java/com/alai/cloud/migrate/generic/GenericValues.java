package com.alai.cloud.migrate.generic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * One value of a legacy column three ways: as PostgreSQL must hold it (the form both sides of verification compare),
 * as COPY text, and as read back. In jsonb, what JSON cannot say is tagged: {"$blob": base64}, {"$text": base64 of
 * UTF-8} for text with NUL, {"$real": "Infinity"}.
 */
final class GenericValues {
    static final ObjectMapper JSON = new ObjectMapper();

    private GenericValues() {
    }

    static Object expected(Object sqlite, ColumnType type) {
        if (sqlite == null) {
            return null;
        }
        return switch (type) {
            case BIGINT -> ((Number) sqlite).longValue();
            case DOUBLE -> ((Number) sqlite).doubleValue();
            case TEXT -> sqlite.toString();
            case BYTEA -> (byte[]) sqlite;
            case JSONB -> json(sqlite);
        };
    }

    private static Object json(Object value) {
        return switch (value) {
            case byte[] bytes -> Map.of("$blob", Base64.getEncoder().encodeToString(bytes));
            case Double d when !Double.isFinite(d) -> Map.of("$real", d.toString());
            case Double d -> d;
            case Number n -> n.longValue();
            case String s when s.indexOf('\0') >= 0 -> Map.of("$text", Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
            default -> value.toString();
        };
    }

    /** The field as COPY's text format spells it. */
    static void copyText(Object expected, ColumnType type, StringBuilder out) throws JsonProcessingException {
        if (expected == null) {
            out.append("\\N");
            return;
        }
        String text = switch (type) {
            case BIGINT, DOUBLE -> expected.toString();
            case TEXT -> (String) expected;
            case BYTEA -> "\\x" + HexFormat.of().formatHex((byte[]) expected);
            case JSONB -> JSON.writeValueAsString(expected);
        };
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static Object read(ResultSet rs, int column, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case BIGINT -> rs.getLong(column);
            case DOUBLE -> rs.getDouble(column);
            case TEXT -> rs.getString(column);
            case BYTEA -> rs.getBytes(column);
            case JSONB -> rs.getString(column);
        };
        if (rs.wasNull()) {
            return null;
        }
        if (type == ColumnType.JSONB) {
            try {
                return JSON.readValue((String) value, Object.class);
            } catch (JsonProcessingException e) {
                throw new SQLException("a jsonb value does not parse: " + e.getOriginalMessage());
            }
        }
        return value;
    }
}
