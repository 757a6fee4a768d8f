package com.alai.cloud.migrate.schema;

/** A schema entry that holds no rows of its own (view, trigger, index) or SQLite's internal statistics; SQL may be null. */
public record SqliteObject(String type, String name, String table, String sql) {
}
