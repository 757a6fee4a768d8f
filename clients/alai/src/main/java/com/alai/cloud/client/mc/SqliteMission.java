package com.alai.cloud.client.mc;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Json;
import com.alai.cloud.migrate.mc.ColumnPlan;
import com.alai.cloud.migrate.mc.CommentPlan;
import com.alai.cloud.migrate.mc.SourceRows;
import com.alai.cloud.migrate.mc.Target;
import com.alai.cloud.migrate.mc.TaskRow;
import com.alai.cloud.migrate.reverse.LegacyFormats;
import com.alai.cloud.migrate.schema.SqliteSchema;
import com.alai.cloud.migrate.schema.SqliteTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Mission Control on ANVIL's own mission-control.db, when ALAI_MC_URL is unset: the file's legacy schema is read
 * with the migration's discovery and row conversion (so a row means here what it means in PostgreSQL), and written
 * in the file's own spellings (statuses, booleans, tags, dates) so mc.js keeps reading what it wrote.
 */
public final class SqliteMission implements Mission {
    private final Path file;
    private final Clock clock;

    public SqliteMission(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    private interface Work<T> {
        T run(Connection c, ColumnPlan plan, SqliteTable table) throws Exception;
    }

    private <T> T withFile(boolean write, Work<T> work) {
        if (!Files.isRegularFile(file)) {
            throw AlaiException.failed("ALAI_MC_URL is not set and there is no Mission Control database at " + file
                    + "; set ALAI_MC_URL to mc-api's URL, or ALAI_MC_DB to the file");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
            }
            c.setAutoCommit(!write);
            ColumnPlan plan = ColumnPlan.discover(c, null);
            SqliteTable table = SqliteSchema.read(c).table(plan.table());
            T result = work.run(c, plan, table);
            if (write) {
                c.commit();
            }
            return result;
        } catch (AlaiException e) {
            throw e;
        } catch (Exception e) {
            throw AlaiException.failed(file + ": " + e.getMessage());
        }
    }

    private static List<TaskView> all(Connection c, ColumnPlan plan, SqliteTable table) throws Exception {
        var rows = new ArrayList<TaskView>();
        String rowid = table.withoutRowid() ? "NULL" : table.rowidAlias();
        new SourceRows(c, plan, rowid).forEach(id -> true, row -> rows.add(view(row)));
        rows.sort(Comparator.comparingLong(TaskView::id));
        return rows;
    }

    private static TaskView view(TaskRow r) {
        return new TaskView(r.id(), r.title(), r.description(), r.status(), r.assignee(), r.tags(), r.priority(),
                r.createdAt(), r.updatedAt(), r.closedAt(), r.archived(), 1, r.extra());
    }

    @Override
    public TaskPage list(TaskQuery q) {
        long after = q.cursor() == null ? 0 : decodeCursor(q.cursor());
        return withFile(false, (c, plan, table) -> {
            var page = new ArrayList<TaskView>();
            boolean more = false;
            for (TaskView t : all(c, plan, table)) {
                if (t.id() <= after || !matches(t, q)) {
                    continue;
                }
                if (page.size() == q.limit()) {
                    more = true;
                    break;
                }
                page.add(t);
            }
            return new TaskPage(page, more ? cursor(page.get(page.size() - 1).id()) : null);
        });
    }

    private static boolean matches(TaskView t, TaskQuery q) {
        if ("any_open".equals(q.status()) ? Statuses.closed(t.status()) : q.status() != null && !q.status().equals(t.status())) {
            return false;
        }
        if (q.assignee() != null && !q.assignee().equals(t.assignee()) || q.tag() != null && !t.tags().contains(q.tag())) {
            return false;
        }
        if (q.text() == null) {
            return true;
        }
        String needle = q.text().toLowerCase(Locale.ROOT);
        return t.title().toLowerCase(Locale.ROOT).contains(needle)
                || t.description() != null && t.description().toLowerCase(Locale.ROOT).contains(needle);
    }

    @Override
    public TaskView get(long id) {
        return withFile(false, (c, plan, table) -> find(c, plan, table, id));
    }

    private static TaskView find(Connection c, ColumnPlan plan, SqliteTable table, long id) throws Exception {
        return all(c, plan, table).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> AlaiException.notFound("no task " + id));
    }

    @Override
    public TaskView create(Map<String, Object> fields) {
        return withFile(true, (c, plan, table) -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            var values = new LinkedHashMap<String, Object>();
            var formats = new LegacyFormats(c, plan.table());
            String idColumn = column(plan, Target.ID);
            if (idColumn != null && (table.withoutRowid() || !table.primaryKey().equals(List.of(idColumn)))) {
                values.put(idColumn, nextId(c, plan.table(), idColumn));
            }
            String status = (String) fields.getOrDefault("status", "open");
            put(values, plan, Target.STATUS, formats.status(column(plan, Target.STATUS), status));
            Map<String, Object> all = new HashMap<>(fields);
            all.putIfAbsent("tags", List.of());
            writeFields(values, plan, formats, all, null);
            put(values, plan, Target.CREATED_AT, date(formats, plan, Target.CREATED_AT, now));
            put(values, plan, Target.UPDATED_AT, date(formats, plan, Target.UPDATED_AT, now));
            if (Statuses.closed(status)) {
                put(values, plan, Target.CLOSED_AT, date(formats, plan, Target.CLOSED_AT, now));
            }
            if (column(plan, Target.ARCHIVED) != null) {
                values.put(column(plan, Target.ARCHIVED), formats.bool(column(plan, Target.ARCHIVED), false));
            }
            var sql = new StringBuilder("INSERT INTO " + table.quoted() + " (");
            sql.append(String.join(", ", values.keySet().stream().map(ColumnPlan::quote).toList()));
            sql.append(") VALUES (").append(String.join(", ", values.keySet().stream().map(k -> "?").toList())).append(")");
            long id;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, values);
                ps.executeUpdate();
            }
            id = idColumn != null && values.containsKey(idColumn) ? ((Number) values.get(idColumn)).longValue() : lastRowid(c);
            return find(c, plan, table, id);
        });
    }

    @Override
    public TaskView update(long id, Map<String, Object> changes) {
        return withFile(true, (c, plan, table) -> {
            TaskView before = find(c, plan, table, id);
            var formats = new LegacyFormats(c, plan.table());
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            var values = new LinkedHashMap<String, Object>();
            if (changes.containsKey("status")) {
                String status = (String) changes.get("status");
                put(values, plan, Target.STATUS, formats.status(column(plan, Target.STATUS), status));
                if (Statuses.closed(status) && before.closedAt() == null) {
                    put(values, plan, Target.CLOSED_AT, date(formats, plan, Target.CLOSED_AT, now));
                } else if (!Statuses.closed(status)) {
                    put(values, plan, Target.CLOSED_AT, null);
                }
            }
            writeFields(values, plan, formats, changes, before);
            put(values, plan, Target.UPDATED_AT, date(formats, plan, Target.UPDATED_AT, now));
            String key = column(plan, Target.ID) != null ? ColumnPlan.quote(column(plan, Target.ID)) : table.rowidAlias();
            var sql = "UPDATE " + table.quoted() + " SET "
                    + String.join(", ", values.keySet().stream().map(k -> ColumnPlan.quote(k) + " = ?").toList()) + " WHERE " + key + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, values);
                ps.setLong(values.size() + 1, id);
                ps.executeUpdate();
            }
            return find(c, plan, table, id);
        });
    }

    private static void writeFields(Map<String, Object> values, ColumnPlan plan, LegacyFormats formats,
                                    Map<String, Object> fields, TaskView before) throws SQLException {
        if (fields.containsKey("title")) {
            put(values, plan, Target.TITLE, fields.get("title"));
        }
        if (fields.containsKey("description")) {
            put(values, plan, Target.DESCRIPTION, fields.get("description"));
        }
        if (fields.containsKey("assignee")) {
            put(values, plan, Target.ASSIGNEE, fields.get("assignee"));
        }
        if (fields.containsKey("priority")) {
            put(values, plan, Target.PRIORITY, fields.get("priority"));
        }
        if (fields.containsKey("tags") && column(plan, Target.TAGS) != null) {
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) fields.get("tags");
            values.put(column(plan, Target.TAGS), formats.tags(column(plan, Target.TAGS), tags, null));
        }
    }

    @Override
    public JsonNode comment(long id, String body, String author) {
        return withFile(true, (c, plan, table) -> {
            find(c, plan, table, id);
            CommentPlan comments = commentTable(c, plan).orElseThrow(() -> AlaiException.failed(file
                    + " has no comment table (one referring to " + plan.table() + " with a body-like column)"));
            var values = new LinkedHashMap<String, Object>();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            comments.columns().forEach((name, role) -> {
                switch (role) {
                    case TASK_ID -> values.put(name, id);
                    case BODY -> values.put(name, body);
                    case AUTHOR -> values.put(name, author);
                    case CREATED_AT -> values.put(name, now.toString());
                    default -> { }
                }
            });
            String sql = "INSERT INTO " + comments.table().quoted() + " (" + String.join(", ", values.keySet().stream()
                    .map(ColumnPlan::quote).toList()) + ") VALUES (" + String.join(", ", values.keySet().stream().map(k -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, values);
                ps.executeUpdate();
            }
            var comment = new LinkedHashMap<String, Object>();
            comment.put("id", lastRowid(c));
            comment.put("taskId", id);
            comment.put("kind", comments.kind());
            comment.put("author", author);
            comment.put("body", body);
            comment.put("createdAt", now);
            return Json.MAPPER.valueToTree(comment);
        });
    }

    private static Optional<CommentPlan> commentTable(Connection c, ColumnPlan plan) throws SQLException {
        var found = new ArrayList<CommentPlan>();
        for (SqliteTable t : SqliteSchema.read(c).tables()) {
            CommentPlan.recognise(c, t, plan.table()).filter(p -> p.columns().containsValue(CommentPlan.Column.BODY)).ifPresent(found::add);
        }
        return found.stream().filter(p -> p.table().name().toLowerCase(Locale.ROOT).contains("comment")).findFirst()
                .or(() -> found.stream().findFirst());
    }

    @Override
    public JsonNode stats() {
        return withFile(false, (c, plan, table) -> {
            List<TaskView> tasks = all(c, plan, table);
            Instant since = clock.instant().minus(30, ChronoUnit.DAYS);
            var byStatus = new TreeMap<String, Long>();
            var byAssignee = new HashMap<String, Long>();
            var closedPerDay = new TreeMap<String, Long>();
            long open = 0;
            for (TaskView t : tasks) {
                byStatus.merge(t.status(), 1L, Long::sum);
                if (!Statuses.closed(t.status())) {
                    open++;
                    byAssignee.merge(t.assignee() == null ? "(unassigned)" : t.assignee(), 1L, Long::sum);
                }
                if (t.closedAt() != null && !t.closedAt().isBefore(since)) {
                    closedPerDay.merge(t.closedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum);
                }
            }
            var assignees = new LinkedHashMap<String, Long>();
            byAssignee.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(100).forEach(e -> assignees.put(e.getKey(), e.getValue()));
            var result = new LinkedHashMap<String, Object>();
            result.put("total", (long) tasks.size());
            result.put("open", open);
            result.put("byStatus", byStatus);
            result.put("byAssignee", assignees);
            result.put("closedPerDay", closedPerDay);
            return Json.MAPPER.valueToTree(result);
        });
    }

    @Override
    public void watch(Consumer<JsonNode> events) {
        Map<Long, String> seen = snapshot();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (TaskView t : withFile(false, SqliteMission::all)) {
                String mark = t.status() + "|" + t.updatedAt();
                String before = seen.put(t.id(), mark);
                if (!mark.equals(before)) {
                    var event = new LinkedHashMap<String, Object>();
                    event.put("type", before == null ? "created" : "updated");
                    event.put("id", t.id());
                    event.put("version", t.version());
                    event.put("status", t.status());
                    event.put("updatedAt", t.updatedAt());
                    events.accept(Json.MAPPER.valueToTree(event));
                }
            }
        }
    }

    private Map<Long, String> snapshot() {
        var seen = new HashMap<Long, String>();
        withFile(false, SqliteMission::all).forEach(t -> seen.put(t.id(), t.status() + "|" + t.updatedAt()));
        return seen;
    }

    @Override
    public String source() {
        return file.toString();
    }

    private static String column(ColumnPlan plan, Target target) {
        return plan.columns().entrySet().stream().filter(e -> e.getValue() == target).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static void put(Map<String, Object> values, ColumnPlan plan, Target target, Object value) {
        String column = column(plan, target);
        if (column != null) {
            values.put(column, value);
        }
    }

    private static Object date(LegacyFormats formats, ColumnPlan plan, Target target, Instant now) throws SQLException {
        String column = column(plan, target);
        return column == null ? null : formats.date(column, now, null);
    }

    private static void bind(PreparedStatement ps, Map<String, Object> values) throws SQLException {
        int i = 1;
        for (Object value : values.values()) {
            ps.setObject(i++, value);
        }
    }

    private static long nextId(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(CAST(" + ColumnPlan.quote(column)
                + " AS INTEGER)), 0) + 1 FROM " + ColumnPlan.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long lastRowid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String cursor(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.matches("id:\\d{1,18}")) {
                return Long.parseLong(text.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw AlaiException.usage("--cursor " + cursor + " is not a cursor `alai mc list` printed");
    }
}
