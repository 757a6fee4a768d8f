package com.alai.cloud.migrate.state;

import com.alai.cloud.migrate.verify.RowDigests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the last verified `migrate mc` left in PostgreSQL, per source table: each row's id and digest (in the target's
 * form) and the mapping it used, kept in the mc_migration schema beside mc-api's tables. A re-run carries only rows
 * whose digest changed; `--reverse` tells rows changed since in PostgreSQL from rows left alone.
 */
public final class MigrationState {
    public static final String SCHEMA = "mc_migration";

    private final Connection pg;

    public MigrationState(Connection pg) {
        this.pg = pg;
    }

    /** In the caller's transaction. */
    public void ensure() throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".tables (source_table text PRIMARY KEY, destination text NOT NULL,"
                    + " mapping jsonb NOT NULL, ids bytea NOT NULL, digests bytea NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    public boolean exists() throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('" + SCHEMA + ".tables') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Every recorded source table and its destination (tasks, task_comments), in name order. */
    public java.util.Map<String, String> tables() throws SQLException {
        var tables = new java.util.LinkedHashMap<String, String>();
        if (!exists()) {
            return tables;
        }
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT source_table, destination FROM " + SCHEMA + ".tables ORDER BY source_table")) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2));
            }
        }
        return tables;
    }

    /** The rows recorded for {@code table}; none before its first verified run. */
    public RowDigests rows(String table) throws SQLException {
        if (!exists()) {
            return RowDigests.NONE;
        }
        try (PreparedStatement ps = pg.prepareStatement("SELECT ids, digests FROM " + SCHEMA + ".tables WHERE source_table = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? RowDigests.of(rs.getBytes(1), rs.getBytes(2)) : RowDigests.NONE;
            }
        }
    }

    /** The mapping recorded for {@code table} as JSON text, or null. */
    public String mapping(String table) throws SQLException {
        if (!exists()) {
            return null;
        }
        try (PreparedStatement ps = pg.prepareStatement("SELECT mapping::text FROM " + SCHEMA + ".tables WHERE source_table = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public void record(String table, String destination, String mappingJson, RowDigests rows) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO " + SCHEMA + ".tables (source_table, destination, mapping, ids, digests)"
                + " VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (source_table) DO UPDATE SET destination = EXCLUDED.destination,"
                + " mapping = EXCLUDED.mapping, ids = EXCLUDED.ids, digests = EXCLUDED.digests, migrated_at = now()")) {
            ps.setString(1, table);
            ps.setString(2, destination);
            ps.setString(3, mappingJson);
            ps.setBytes(4, rows.idBytes());
            ps.setBytes(5, rows.digests());
            ps.executeUpdate();
        }
    }
}
