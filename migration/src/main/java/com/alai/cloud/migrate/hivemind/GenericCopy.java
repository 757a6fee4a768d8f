package com.alai.cloud.migrate.hivemind;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Postgres;
import com.alai.cloud.migrate.Sqlite;
import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Verification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * `alai-deploy migrate hivemind`: copies every table of a SQLite file into its own PostgreSQL schema (default
 * legacy_hivemind), keeping SQLite's rowid, typing each column by the values it actually holds. The schema is replaced
 * in one transaction, so a re-run gives the same result; every table is verified row by row.
 */
public final class GenericCopy {
    private final Consumer<String> progress;

    public GenericCopy(Consumer<String> progress) {
        this.progress = progress;
    }

    public record TableResult(String table, Map<String, String> columnTypes, Verification verification) {
    }

    public List<TableResult> run(Path file, String targetUrl, String schema, boolean dryRun) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new MigrationException("schema '" + schema + "' must be lowercase letters, digits and _");
        }
        try (Connection sqlite = Sqlite.open(file)) {
            var plans = new LinkedHashMap<String, Map<String, String>>();
            for (String table : tables(sqlite)) {
                plans.put(table, types(sqlite, table));
            }
            if (dryRun) {
                return plans.entrySet().stream().map(e -> new TableResult(e.getKey(), e.getValue(), null)).toList();
            }
            try (Connection pg = Postgres.connect(targetUrl)) {
                pg.setAutoCommit(false);
                try (Statement s = pg.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    s.execute("CREATE SCHEMA " + schema);
                    for (var plan : plans.entrySet()) {
                        progress.accept("copying " + plan.getKey() + " …");
                        copy(sqlite, pg, schema, plan.getKey(), plan.getValue());
                    }
                    pg.commit();
                } catch (Exception e) {
                    pg.rollback();
                    throw new MigrationException("copy failed and was rolled back: " + e.getMessage(), e);
                }
                var results = new ArrayList<TableResult>();
                for (var plan : plans.entrySet()) {
                    var columns = new ArrayList<>(List.of("_rowid"));
                    columns.addAll(plan.getValue().keySet());
                    results.add(new TableResult(plan.getKey(), plan.getValue(), Comparator.compare(columns,
                            rows(sqlite, "SELECT rowid, * FROM " + quote(plan.getKey()) + " ORDER BY rowid", plan.getValue()),
                            rows(pg, "SELECT * FROM " + schema + "." + quote(plan.getKey()) + " ORDER BY _rowid", plan.getValue()))));
                }
                return results;
            }
        } catch (SQLException e) {
            throw new MigrationException("copy failed: " + e.getMessage(), e);
        }
    }

    private static List<String> tables(Connection sqlite) throws SQLException {
        var tables = new ArrayList<String>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty()) {
            throw new MigrationException("the file has no tables");
        }
        return tables;
    }

    /** A column's type from the values it holds: all integers → bigint, numbers → double, blobs → bytea, else text. */
    private static Map<String, String> types(Connection sqlite, String table) throws SQLException {
        var types = new LinkedHashMap<String, String>();
        var names = new ArrayList<String>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        for (String column : names) {
            var seen = new java.util.HashSet<String>();
            try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT DISTINCT typeof(" + quote(column) + ") FROM " + quote(table))) {
                while (rs.next()) {
                    seen.add(rs.getString(1));
                }
            }
            seen.remove("null");
            String type = seen.isEmpty() || seen.equals(Set.of("text")) ? "text"
                    : seen.equals(Set.of("integer")) ? "bigint"
                    : Set.of("integer", "real").containsAll(seen) ? "double precision"
                    : seen.equals(Set.of("blob")) ? "bytea" : "text";
            types.put(column, type);
        }
        return types;
    }

    private static void copy(Connection sqlite, Connection pg, String schema, String table, Map<String, String> types)
            throws Exception {
        var ddl = new StringBuilder("CREATE TABLE " + schema + "." + quote(table) + " (_rowid bigint PRIMARY KEY");
        types.forEach((column, type) -> ddl.append(", ").append(quote(column)).append(' ').append(type));
        try (Statement s = pg.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        var text = new StringBuilder();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT rowid, * FROM " + quote(table))) {
            while (rs.next()) {
                text.append(rs.getLong(1));
                int c = 2;
                for (String type : types.values()) {
                    text.append('\t').append(copyValue(rs.getObject(c++), type));
                }
                text.append('\n');
            }
        }
        // Bytes, not a Reader: see Loader on pgjdbc splitting surrogate pairs between character chunks.
        pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + schema + "." + quote(table) + " FROM STDIN",
                new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String copyValue(Object value, String type) {
        if (value == null) {
            return "\\N";
        }
        String text = value instanceof byte[] bytes
                ? (type.equals("bytea") ? "\\x" : "base64:") + (type.equals("bytea") ? HexFormat.of().formatHex(bytes)
                        : java.util.Base64.getEncoder().encodeToString(bytes))
                : value.toString();
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\0", "");
    }

    private static List<List<Object>> rows(Connection db, String query, Map<String, String> types) throws SQLException {
        var rows = new ArrayList<List<Object>>();
        var typeList = new ArrayList<>(types.values());
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                var row = new ArrayList<Object>();
                row.add(rs.getLong(1));
                for (int c = 0; c < typeList.size(); c++) {
                    row.add(normal(rs.getObject(c + 2), typeList.get(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object normal(Object value, String type) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return type.equals("bytea") ? HexFormat.of().formatHex(bytes) : "base64:" + java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return switch (type) {
            case "bigint" -> ((Number) value).longValue();
            case "double precision" -> ((Number) value).doubleValue();
            default -> value.toString().replace("\0", "");
        };
    }

    private static String quote(String identifier) {
        return com.alai.cloud.services.common.db.SqlIdentifier.quote(identifier);
    }

}
