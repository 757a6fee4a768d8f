package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.Pipeline;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Predicate;

/** Streams the legacy task table in id order, each row converted as it is read. */
public final class SourceRows {
    private final Connection sqlite;
    private final ColumnPlan plan;
    private final String rowid;

    /** {@code rowid}: how to select the rowid (a column may be named rowid), the fallback id of a row without one. */
    public SourceRows(Connection sqlite, ColumnPlan plan, String rowid) {
        this.sqlite = sqlite;
        this.plan = plan;
        this.rowid = rowid;
    }

    /** A row as the file holds it (values in the plan's column order) and as PostgreSQL must hold it. */
    public interface RawSink {
        void accept(Object[] raw, TaskRow row) throws Exception;
    }

    /** Every row, in order; {@code wanted} can skip rows by id after conversion. */
    public void forEach(Predicate<Long> wanted, Pipeline.Sink<TaskRow> sink) throws Exception {
        forEachRaw(wanted, (raw, row) -> sink.accept(row));
    }

    /** As {@link #forEach}, with each row's raw values too (a fresh array per row). */
    public void forEachRaw(Predicate<Long> wanted, RawSink sink) throws Exception {
        var converter = new RowConverter(plan);
        String order = plan.columns().entrySet().stream().filter(e -> e.getValue() == Target.ID).map(Map.Entry::getKey)
                .findFirst().map(ColumnPlan::quote).orElse(rowid);
        var select = new StringBuilder("SELECT " + rowid);
        plan.columns().keySet().forEach(column -> select.append(", ").append(ColumnPlan.quote(column)));
        select.append(" FROM ").append(ColumnPlan.quote(plan.table())).append(" ORDER BY ").append(order);
        int width = plan.columns().size();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
            var values = new Object[width];
            while (rs.next()) {
                for (int c = 0; c < width; c++) {
                    values[c] = rs.getObject(c + 2);
                }
                TaskRow row = converter.convert(values, rs.getLong(1));
                if (wanted.test(row.id())) {
                    sink.accept(values.clone(), row);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("reading " + plan.table() + ": " + e.getMessage(), e);
        }
    }
}
