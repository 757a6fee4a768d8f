package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.generic.GenericPlan;
import com.alai.cloud.migrate.schema.SqliteObject;
import com.alai.cloud.migrate.schema.SqliteSchema;
import com.alai.cloud.migrate.schema.SqliteTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where every table of mission-control.db goes: the task table to `tasks`, tables of comments, notes or history of
 * tasks to `task_comments`, every other table to the legacy schema through the generic copy, and only the tables
 * named with --skip nowhere (counted, and said so in the report).
 */
record McPlan(SqliteSchema schema, ColumnPlan tasks, List<CommentPlan> comments, List<GenericPlan> legacy,
              List<TableReport> skipped) {
    static final String LEGACY_SCHEMA = "legacy_mission_control";

    static McPlan discover(Connection sqlite, String taskTable, Set<String> skip) throws SQLException {
        SqliteSchema schema = SqliteSchema.read(sqlite);
        var names = new TreeSet<>(schema.tables().stream().map(SqliteTable::name).toList());
        for (String name : skip) {
            if (!names.contains(name)) {
                throw new MigrationException("--skip " + name + ": the file has no such table; its tables are " + names);
            }
        }
        String exact = taskTable == null ? null : names.stream().filter(taskTable::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new MigrationException("--table " + taskTable + ": the file has no such table; its tables are " + names));
        ColumnPlan tasks = ColumnPlan.discover(sqlite, exact);
        if (skip.contains(tasks.table())) {
            throw new MigrationException("--skip " + tasks.table() + ": that is the task table, which `migrate mc` exists to copy");
        }
        var comments = new ArrayList<CommentPlan>();
        var legacy = new ArrayList<GenericPlan>();
        var skipped = new ArrayList<TableReport>();
        for (SqliteTable table : schema.tables()) {
            if (skip.contains(table.name())) {
                skipped.add(TableReport.skipped(table.name(), count(sqlite, table)));
            } else if (!table.name().equals(tasks.table())) {
                var comment = CommentPlan.recognise(sqlite, table, tasks.table());
                if (comment.isPresent()) {
                    comments.add(comment.get());
                } else {
                    legacy.add(GenericPlan.discover(sqlite, table));
                }
            }
        }
        return new McPlan(schema, tasks, List.copyOf(comments), List.copyOf(legacy), List.copyOf(skipped));
    }

    /**
     * The rowid of a task row, its id when no column maps to one. A WITHOUT ROWID task table has none, so it needs an
     * id column.
     */
    String taskRowid() {
        SqliteTable table = schema.table(tasks.table());
        if (!table.withoutRowid()) {
            return table.rowidAlias();
        }
        if (!tasks.columns().containsValue(Target.ID)) {
            throw new MigrationException("task table " + tasks.table() + " is WITHOUT ROWID and has no id column (id, task_id)"
                    + " to key its tasks by");
        }
        return "NULL";
    }

    /** Views, triggers and indexes: listed in the report, their SQL kept in the legacy schema. */
    List<SqliteObject> objects() {
        return schema.objects();
    }

    TableReport taskReport(long rows) {
        return tasks.mapping().report(rows, "tasks");
    }

    List<TableReport> commentReports(Connection sqlite) throws SQLException {
        var reports = new ArrayList<TableReport>();
        for (CommentPlan plan : comments) {
            reports.add(plan.report(count(sqlite, plan.table())));
        }
        return reports;
    }

    List<TableReport> legacyReports() {
        return legacy.stream().map(p -> p.report(LEGACY_SCHEMA)).toList();
    }

    private static long count(Connection sqlite, SqliteTable table) throws SQLException {
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table.quoted())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
