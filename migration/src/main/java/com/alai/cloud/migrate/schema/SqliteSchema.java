package com.alai.cloud.migrate.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything a SQLite file declares: the tables that hold rows, and the views, triggers and indexes that do not.
 * sqlite_sequence holds AUTOINCREMENT high-water marks, so it counts as a table; the sqlite_stat tables are
 * statistics ANALYZE rebuilds, listed with the objects.
 */
public record SqliteSchema(List<SqliteTable> tables, List<SqliteObject> objects) {
    private static final Set<String> DATA_INTERNAL = Set.of("sqlite_sequence");

    public static SqliteSchema read(Connection sqlite) throws SQLException {
        var tables = new ArrayList<SqliteTable>();
        var objects = new ArrayList<SqliteObject>();
        var withoutRowid = new java.util.HashSet<String>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND wr = 1")) {
            while (rs.next()) {
                withoutRowid.add(rs.getString(1));
            }
        }
        var entries = new ArrayList<SqliteObject>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name")) {
            while (rs.next()) {
                entries.add(new SqliteObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        for (SqliteObject entry : entries) {
            boolean dataTable = entry.type().equals("table")
                    && (!entry.name().startsWith("sqlite_") || DATA_INTERNAL.contains(entry.name()));
            if (dataTable) {
                tables.add(new SqliteTable(entry.name(), withoutRowid.contains(entry.name()), columns(sqlite, entry.name()),
                        entry.sql()));
            } else {
                objects.add(entry);
            }
        }
        return new SqliteSchema(List.copyOf(tables), List.copyOf(objects));
    }

    /** Every entry of sqlite_master, tables first, each with its CREATE statement. */
    public List<SqliteObject> entries() {
        var entries = new ArrayList<SqliteObject>();
        tables.forEach(t -> entries.add(new SqliteObject("table", t.name(), t.name(), t.sql())));
        entries.addAll(objects);
        return entries;
    }

    public SqliteTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static List<SqliteColumn> columns(Connection sqlite, String table) throws SQLException {
        var columns = new ArrayList<SqliteColumn>();
        try (var ps = sqlite.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new SqliteColumn(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return List.copyOf(columns);
    }
}
