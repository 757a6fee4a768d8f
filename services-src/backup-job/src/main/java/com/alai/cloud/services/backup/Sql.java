package com.alai.cloud.services.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Catalog reads shared by dump and verify. */
final class Sql {
    private Sql() {
    }

    static String quote(String identifier) {
        return com.alai.cloud.services.common.db.SqlIdentifier.quote(identifier);
    }

    /** User tables of a database, schema-qualified, in a stable order. */
    static List<String[]> tables(Connection c) throws SQLException {
        var tables = new ArrayList<String[]>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_schema, table_name FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                + " ORDER BY table_schema, table_name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return tables;
    }

    static List<TableDump.Column> columns(Connection c, String schema, String table) throws SQLException {
        var columns = new ArrayList<TableDump.Column>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
                + " FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = ? AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TableDump.Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    /** The primary key columns, or every column when there is none: the order that makes a dump deterministic. */
    static List<String> orderBy(Connection c, String schema, String table, List<TableDump.Column> columns) throws SQLException {
        var key = new ArrayList<String>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)"
                + " WHERE i.indisprimary AND n.nspname = ? AND t.relname = ? ORDER BY array_position(i.indkey, a.attnum)")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        if (key.isEmpty()) {
            columns.forEach(col -> key.add(col.name()));
        }
        return key;
    }

    static String select(TableDump dump) {
        return "SELECT * FROM " + dump.qualified() + " ORDER BY " + String.join(", ", dump.orderBy().stream().map(Sql::quote).toList());
    }
}
