package com.alai.cloud.migrate.schema;

import com.alai.cloud.services.common.db.SqlIdentifier;
import java.util.List;

/**
 * A table of the file. {@code withoutRowid} tables have no rowid: they are read and keyed in primary-key order.
 */
public record SqliteTable(String name, boolean withoutRowid, List<SqliteColumn> columns, String sql) {

    public List<String> columnNames() {
        return columns.stream().map(SqliteColumn::name).toList();
    }

    /** The primary-key columns in key order. */
    public List<String> primaryKey() {
        return columns.stream().filter(c -> c.primaryKeyPosition() > 0)
                .sorted(java.util.Comparator.comparingInt(SqliteColumn::primaryKeyPosition)).map(SqliteColumn::name).toList();
    }

    /** ORDER BY that gives one stable order: the rowid, or the primary key of a WITHOUT ROWID table. */
    public String order() {
        return withoutRowid ? String.join(", ", primaryKey().stream().map(SqlIdentifier::quote).toList()) : rowidAlias();
    }

    /**
     * How to name the rowid in a SELECT: a column may itself be called rowid (it then hides the real one), so the
     * first of SQLite's three aliases that no column uses.
     */
    public String rowidAlias() {
        var names = columns.stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        return java.util.stream.Stream.of("rowid", "_rowid_", "oid").filter(a -> !names.contains(a)).findFirst()
                .orElseThrow(() -> new com.alai.cloud.migrate.MigrationException("table " + name
                        + " has columns named rowid, _rowid_ and oid, which hide its rowid; --skip it or rename one"));
    }

    public String quoted() {
        return SqlIdentifier.quote(name);
    }
}
