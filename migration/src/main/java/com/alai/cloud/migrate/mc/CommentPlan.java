package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.schema.SqliteColumn;
import com.alai.cloud.migrate.schema.SqliteTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table of comments, notes or history of tasks — recognised by a foreign key to the task table or a task_id-like
 * column — and how its columns map onto `task_comments`; unknown columns go to `extra`. The row's key is its rowid
 * (the INTEGER PRIMARY KEY, when there is one, is that rowid and maps to {@code id}).
 */
public record CommentPlan(SqliteTable table, Map<String, Column> columns) {
    public enum Column { ID, TASK_ID, AUTHOR, BODY, CREATED_AT, EXTRA }

    private static final List<String> TASK = List.of("task_id", "taskid", "task", "task_ref");
    private static final Map<String, Column> SYNONYMS = new LinkedHashMap<>();

    static {
        List.of("author", "user", "username", "by", "created_by", "agent", "who").forEach(n -> SYNONYMS.put(n, Column.AUTHOR));
        List.of("body", "text", "comment", "content", "note", "message", "notes", "kind").forEach(n -> SYNONYMS.put(n, Column.BODY));
        List.of("created_at", "created", "at", "ts", "timestamp", "time", "date", "posted_at").forEach(n -> SYNONYMS.put(n, Column.CREATED_AT));
    }

    /** Empty when the table does not refer to tasks or has no rowid to key its rows by. */
    public static Optional<CommentPlan> recognise(Connection sqlite, SqliteTable table, String taskTable) throws SQLException {
        if (table.withoutRowid() || table.name().equalsIgnoreCase(taskTable)) {
            return Optional.empty();
        }
        String taskColumn = foreignKeyTo(sqlite, table, taskTable)
                .or(() -> table.columnNames().stream().filter(c -> TASK.contains(c.toLowerCase(Locale.ROOT))).findFirst())
                .orElse(null);
        if (taskColumn == null) {
            return Optional.empty();
        }
        var columns = new LinkedHashMap<String, Column>();
        var used = java.util.EnumSet.of(Column.TASK_ID);
        boolean singleIntegerKey = table.primaryKey().size() == 1;
        for (SqliteColumn column : table.columns()) {
            Column target = column.name().equals(taskColumn) ? Column.TASK_ID
                    : singleIntegerKey && column.primaryKeyPosition() == 1 && column.declaredType().equalsIgnoreCase("INTEGER") ? Column.ID
                    : SYNONYMS.getOrDefault(column.name().toLowerCase(Locale.ROOT), Column.EXTRA);
            if (target != Column.EXTRA && target != Column.TASK_ID && !used.add(target)) {
                target = Column.EXTRA;
            }
            columns.put(column.name(), target);
        }
        return Optional.of(new CommentPlan(table, columns));
    }

    private static Optional<String> foreignKeyTo(Connection sqlite, SqliteTable table, String taskTable) throws SQLException {
        try (var ps = sqlite.prepareStatement("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)")) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).equalsIgnoreCase(taskTable)) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public ColumnMapping mapping() {
        var mapping = new LinkedHashMap<String, String>();
        columns.forEach((column, target) -> mapping.put(column, target.name().toLowerCase(Locale.ROOT)));
        return new ColumnMapping(table.name(), mapping);
    }

    public String kind() {
        return table.name();
    }

    /** The table a comment written through the API belongs to: the one named like comments, else notes, else the first. */
    static String primaryKind(List<CommentPlan> plans) {
        for (String word : List.of("comment", "note")) {
            for (CommentPlan plan : plans) {
                if (plan.kind().toLowerCase(Locale.ROOT).contains(word)) {
                    return plan.kind();
                }
            }
        }
        return plans.get(0).kind();
    }

    TableReport report(long rows) {
        return mapping().report(rows, "task_comments (kind '" + kind() + "')");
    }
}
