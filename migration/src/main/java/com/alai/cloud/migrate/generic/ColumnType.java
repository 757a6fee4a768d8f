package com.alai.cloud.migrate.generic;

/**
 * A legacy column's PostgreSQL type, chosen from the SQLite storage classes its values actually have. A column that
 * mixes classes (SQLite allows it) becomes jsonb, where an integer, a real and a text stay distinguishable.
 */
public enum ColumnType {
    BIGINT("bigint"), DOUBLE("double precision"), TEXT("text"), BYTEA("bytea"), JSONB("jsonb");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /**
     * PostgreSQL text cannot hold NUL, so text with NUL goes to jsonb too (as a tagged base64 value). A column with no
     * values at all (an empty table) takes its type from the declared one, by SQLite's affinity rules.
     */
    static ColumnType of(String declared, boolean integer, boolean real, boolean text, boolean blob, boolean nulInText) {
        int classes = (integer ? 1 : 0) + (real ? 1 : 0) + (text ? 1 : 0) + (blob ? 1 : 0);
        if (classes == 0) {
            return affinity(declared.toUpperCase(java.util.Locale.ROOT));
        }
        if (classes > 1 || nulInText) {
            return JSONB;
        }
        return integer ? BIGINT : real ? DOUBLE : blob ? BYTEA : TEXT;
    }

    private static ColumnType affinity(String declared) {
        if (declared.contains("INT")) {
            return BIGINT;
        }
        if (declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT")) {
            return TEXT;
        }
        if (declared.contains("BLOB")) {
            return BYTEA;
        }
        return declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB") ? DOUBLE : TEXT;
    }
}
