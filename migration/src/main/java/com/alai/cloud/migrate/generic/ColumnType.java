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

    /** PostgreSQL text cannot hold NUL, so text with NUL goes to jsonb too (as a tagged base64 value). */
    static ColumnType of(boolean integer, boolean real, boolean text, boolean blob, boolean nulInText) {
        int classes = (integer ? 1 : 0) + (real ? 1 : 0) + (text ? 1 : 0) + (blob ? 1 : 0);
        if (classes == 0) {
            return TEXT;
        }
        if (classes > 1 || nulInText) {
            return JSONB;
        }
        return integer ? BIGINT : real ? DOUBLE : blob ? BYTEA : TEXT;
    }
}
