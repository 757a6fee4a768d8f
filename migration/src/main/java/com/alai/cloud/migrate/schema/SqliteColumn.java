package com.alai.cloud.migrate.schema;

/** One column as SQLite declares it; {@code declaredType} is empty when the column has none. */
public record SqliteColumn(String name, String declaredType, int primaryKeyPosition) {
}
