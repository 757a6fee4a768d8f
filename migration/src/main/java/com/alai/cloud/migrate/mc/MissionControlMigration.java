package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Postgres;
import com.alai.cloud.migrate.Sqlite;
import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Verification;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * `alai-deploy migrate mc`: discover the legacy schema, convert every row, load it in one transaction, then verify
 * the target against the source row by row.
 */
public final class MissionControlMigration {
    static final List<String> COLUMNS = List.of("id", "title", "description", "status", "assignee", "tags", "priority",
            "created_at", "updated_at", "closed_at", "archived", "extra");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> progress;

    public MissionControlMigration(Consumer<String> progress) {
        this.progress = progress;
    }

    public MigrationReport run(Path sqliteFile, String targetUrl, String table, boolean dryRun) {
        long start = System.nanoTime();
        try (Connection sqlite = Sqlite.open(sqliteFile)) {
            ColumnPlan plan = ColumnPlan.discover(sqlite, table);
            say(start, "reading " + sqliteFile + " (" + plan.table() + ") …");
            List<TaskRow> rows = read(sqlite, plan);
            long legacy = rows.stream().mapToLong(r -> r.extra().keySet().stream().filter(k -> k.startsWith(RowConverter.LEGACY)).count()).sum();
            long openSource = rows.stream().filter(r -> !r.status().equals("done") && !r.status().equals("cancelled")).count();
            if (dryRun) {
                return new MigrationReport(plan.table(), plan.describe(), rows.size(), true, openSource, -1, legacy,
                        millis(start), null);
            }
            try (Connection pg = Postgres.connect(targetUrl)) {
                Loader.prepare(pg);
                pg.setAutoCommit(false);
                try {
                    say(start, "loading " + rows.size() + " rows with COPY …");
                    Loader.load(pg, rows);
                    pg.commit();
                } catch (Exception e) {
                    pg.rollback();
                    throw new MigrationException("load failed and was rolled back: " + e.getMessage(), e);
                }
                pg.setAutoCommit(true);
                say(start, "verifying …");
                long[] ids = rows.stream().mapToLong(TaskRow::id).toArray();
                say(start, "reading the target back …");
                List<List<Object>> target = readTarget(pg, ids);
                say(start, "comparing " + target.size() + " rows …");
                Verification verification = Comparator.compare(COLUMNS, rows.stream().map(MissionControlMigration::values).toList(), target);
                long openTarget = target.stream().filter(r -> !"done".equals(r.get(3)) && !"cancelled".equals(r.get(3))).count();
                return new MigrationReport(plan.table(), plan.describe(), rows.size(), false, openSource, openTarget, legacy,
                        millis(start), verification);
            }
        } catch (SQLException e) {
            throw new MigrationException("migration failed: " + e.getMessage(), e);
        }
    }

    private void say(long start, String message) {
        progress.accept(String.format("[%6.1f s] %s", (System.nanoTime() - start) / 1e9, message));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static List<TaskRow> read(Connection sqlite, ColumnPlan plan) throws SQLException {
        var converter = new RowConverter(plan);
        var rows = new ArrayList<TaskRow>();
        String idColumn = plan.columns().entrySet().stream().filter(e -> e.getValue() == Target.ID).map(Map.Entry::getKey)
                .findFirst().orElse("rowid");
        try (Statement s = sqlite.createStatement();
             ResultSet rs = s.executeQuery("SELECT rowid AS \"__rowid\", * FROM " + ColumnPlan.quote(plan.table())
                     + " ORDER BY " + ColumnPlan.quote(idColumn))) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                var row = new LinkedHashMap<String, Object>();
                for (int c = 2; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnName(c), rs.getObject(c));
                }
                rows.add(converter.convert(row, rs.getLong(1)));
            }
        }
        rows.sort(java.util.Comparator.comparingLong(TaskRow::id));
        return rows;
    }

    static List<Object> values(TaskRow r) {
        return Arrays.asList(r.id(), r.title(), r.description(), r.status(), r.assignee(), r.tags(), r.priority(),
                r.createdAt(), r.updatedAt(), r.closedAt(), r.archived(), r.extra());
    }

    private static List<List<Object>> readTarget(Connection pg, long[] ids) throws SQLException {
        var rows = new ArrayList<List<Object>>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT " + String.join(", ", COLUMNS.subList(0, 11))
                + ", extra::text FROM tasks WHERE id <= ? ORDER BY id")) {
            // Rows above the highest migrated id were created in PostgreSQL since (the sequence starts there) and are
            // kept; any other row the source does not have is a difference.
            ps.setLong(1, ids.length == 0 ? Long.MIN_VALUE : ids[ids.length - 1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array tags = rs.getArray(6);
                    Map<String, Object> extra;
                    try {
                        extra = JSON.readValue(rs.getString(12), new TypeReference<Map<String, Object>>() { });
                    } catch (Exception e) {
                        throw new SQLException("extra of row " + rs.getLong(1) + " is not JSON");
                    }
                    rows.add(Arrays.asList(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            tags == null ? List.of() : List.of((Object[]) tags.getArray()), rs.getObject(7),
                            instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                            rs.getBoolean(11), extra));
                }
            }
        }
        return rows;
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
