package com.alai.cloud.services.common.db;

/** Quotes an SQL identifier (PostgreSQL and SQLite alike): any name, including hostile ones, stays one identifier. */
public final class SqlIdentifier {
    private SqlIdentifier() {
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
