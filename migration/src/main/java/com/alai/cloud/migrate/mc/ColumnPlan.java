package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a legacy table's columns map onto `tasks`, discovered from the SQLite schema: known names and synonyms map to
 * typed columns (each target once); every other column goes to `extra`.
 */
public record ColumnPlan(String table, Map<String, Target> columns) {
    private static final Map<String, Target> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms(Target.ID, "id", "task_id", "taskid");
        synonyms(Target.TITLE, "title", "name", "summary", "subject");
        synonyms(Target.DESCRIPTION, "description", "desc", "body", "details", "notes");
        synonyms(Target.STATUS, "status", "state");
        synonyms(Target.ASSIGNEE, "assignee", "assigned_to", "assignedto", "owner", "agent");
        synonyms(Target.TAGS, "tags", "labels", "tag_list");
        synonyms(Target.PRIORITY, "priority", "prio");
        synonyms(Target.CREATED_AT, "created_at", "created", "createdat", "ts_created", "creation_date");
        synonyms(Target.UPDATED_AT, "updated_at", "updated", "updatedat", "modified", "modified_at", "last_modified");
        synonyms(Target.CLOSED_AT, "closed_at", "completed_at", "done_at", "closed", "finished_at");
        synonyms(Target.ARCHIVED, "archived", "is_archived", "isarchived");
    }

    private static void synonyms(Target target, String... names) {
        for (String name : names) {
            SYNONYMS.put(name, target);
        }
    }

    /** Finds the task table (or uses {@code table}) and plans its columns. */
    public static ColumnPlan discover(Connection sqlite, String table) throws SQLException {
        String name = table == null ? findTaskTable(sqlite) : table;
        var columns = new LinkedHashMap<String, Target>();
        var used = EnumSet.noneOf(Target.class);
        try (Statement s = sqlite.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
            while (rs.next()) {
                String column = rs.getString("name");
                Target target = SYNONYMS.get(column.toLowerCase(Locale.ROOT));
                if (target == null || used.contains(target)) {
                    columns.put(column, Target.EXTRA);
                } else {
                    columns.put(column, target);
                    used.add(target);
                }
            }
        }
        if (columns.isEmpty()) {
            throw new MigrationException("table '" + name + "' does not exist or has no columns");
        }
        if (!used.contains(Target.TITLE)) {
            throw new MigrationException("table '" + name + "' has no title-like column (title, name, summary, subject); "
                    + "columns are " + columns.keySet());
        }
        return new ColumnPlan(name, columns);
    }

    private static String findTaskTable(Connection sqlite) throws SQLException {
        var tables = new ArrayList<String>();
        try (Statement s = sqlite.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String preferred : List.of("tasks", "task", "mc_tasks", "mission_tasks")) {
            for (String t : tables) {
                if (t.equalsIgnoreCase(preferred)) {
                    return t;
                }
            }
        }
        throw new MigrationException("no tasks-like table (tasks, task, mc_tasks) in the file; tables are " + tables
                + "; name one with --table");
    }

    public static String quote(String identifier) {
        return com.alai.cloud.services.common.db.SqlIdentifier.quote(identifier);
    }

    public ColumnMapping mapping() {
        var mapping = new LinkedHashMap<String, String>();
        columns.forEach((column, target) -> mapping.put(column, target.column()));
        return new ColumnMapping(table, mapping);
    }

    public String describe() {
        var text = new StringBuilder("table " + table + "\n");
        columns.forEach((column, target) -> text.append(String.format("  %-20s -> %s%n", column,
                target == Target.EXTRA ? "extra->'" + column + "'" : target.column())));
        return text.toString();
    }
}
