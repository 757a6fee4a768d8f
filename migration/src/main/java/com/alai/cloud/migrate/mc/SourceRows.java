package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.Pipeline;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Predicate;

/** Streams the legacy task table in id order, each row converted as it is read. */
final class SourceRows {
    private final Connection sqlite;
    private final ColumnPlan plan;
    private final String rowid;

    /** {@code rowid}: how to select the rowid (a column may be named rowid), the fallback id of a row without one. */
    SourceRows(Connection sqlite, ColumnPlan plan, String rowid) {
        this.sqlite = sqlite;
        this.plan = plan;
        this.rowid = rowid;
    }

    /** Every row, in order; {@code wanted} can skip rows by id after conversion. */
    void forEach(Predicate<Long> wanted, Pipeline.Sink<TaskRow> sink) throws Exception {
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
                    sink.accept(row);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("reading " + plan.table() + ": " + e.getMessage(), e);
        }
    }
}
