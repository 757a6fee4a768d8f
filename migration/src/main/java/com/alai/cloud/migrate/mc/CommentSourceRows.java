package com.alai.cloud.migrate.mc;

import com.alai.cloud.services.common.db.SqlIdentifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/** Streams one comment table in rowid order, each row as the file holds it and converted for `task_comments`. */
public final class CommentSourceRows {
    private final Connection sqlite;
    private final CommentPlan plan;
    private final Set<Long> tasks;

    /** {@code tasks}: the ids of tasks that exist, so a reference to any other keeps its value in extra. */
    public CommentSourceRows(Connection sqlite, CommentPlan plan, Set<Long> tasks) {
        this.sqlite = sqlite;
        this.plan = plan;
        this.tasks = tasks;
    }

    public interface RawSink {
        void accept(Object[] raw, CommentRow row) throws Exception;
    }

    /** Every row, or only those in {@code only} when it is not empty; a fresh raw array per row. */
    public void forEachRaw(Set<Long> only, RawSink sink) throws Exception {
        var table = plan.table();
        String select = "SELECT " + table.rowidAlias() + ", " + String.join(", ", plan.columns().keySet().stream()
                .map(SqlIdentifier::quote).toList()) + " FROM " + table.quoted() + " ORDER BY " + table.rowidAlias();
        int width = plan.columns().size();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                if (!only.isEmpty() && !only.contains(rs.getLong(1))) {
                    continue;
                }
                var values = new Object[width];
                for (int c = 0; c < width; c++) {
                    values[c] = rs.getObject(c + 2);
                }
                sink.accept(values, CommentRow.convert(plan, rs.getLong(1), values, tasks));
            }
        }
    }
}
