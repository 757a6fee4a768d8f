package com.alai.cloud.services.mc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans PostgreSQL chooses for GET /tasks pages, on the data that once made it walk the primary key: 8,378
 * mostly closed tasks, then 70,000 open ones with the highest ids (what a burst of POSTs leaves). Every filtered page
 * must be read from an index that yields exactly its rows in order: no row read and thrown away.
 */
class ListPlanTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static DataSource db;

    @BeforeAll
    static void load() throws Exception {
        var postgres = ApiFixture.INSTANCE.postgres;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE list_plans");
        }
        db = postgres.getDatabase("postgres", "list_plans");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/mc").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tasks (title, status, assignee) SELECT 'legacy ' || g,"
                    + " CASE WHEN g % 200 = 0 THEN 'open' WHEN g % 3 = 0 THEN 'cancelled' ELSE 'done' END,"
                    + " CASE WHEN g % 2 = 0 THEN 'kelsey' END FROM generate_series(1, 8378) g");
            s.execute("ANALYZE tasks");
            s.execute("INSERT INTO tasks (title, status, assignee, tags) SELECT 'bench task', 'open', 'bench', '{bench}'"
                    + " FROM generate_series(1, 70000)");
            s.execute("ANALYZE tasks");
        }
    }

    static TaskFilter filter(String status, String assignee) {
        return new TaskFilter(status, assignee, null, null, null, 0, TaskFilter.DEFAULT_LIMIT);
    }

    @Test
    void theDataReproducesThePrimaryKeyWalkOfThePlainQuery() throws Exception {
        JsonNode plan = explain(new TaskQuery("SELECT " + TaskQuery.COLUMNS
                + " FROM tasks WHERE id > ? AND status = ? ORDER BY id LIMIT ?", List.of(0L, "open", 51)));
        assertThat(indexes(plan)).containsExactly("tasks_pkey");
        assertThat(removedByFilter(plan)).isGreaterThan(8000);
    }

    @Test
    void oneStatusIsReadFromTheStatusIndexWithoutFiltering() throws Exception {
        assertReadInOrderFrom(filter("open", null), "tasks_status_idx");
    }

    @Test
    void anyOpenReadsEachOpenStatusFromTheStatusIndexWithoutFiltering() throws Exception {
        assertReadInOrderFrom(filter("any_open", null), "tasks_status_idx");
    }

    @Test
    void oneAssigneeIsReadFromTheAssigneeIndexWithoutFiltering() throws Exception {
        assertReadInOrderFrom(filter(null, "bench"), "tasks_assignee_idx");
    }

    @Test
    void aStatusAndAnAssigneeAreReadFromTheirJointIndexWithoutFiltering() throws Exception {
        assertReadInOrderFrom(filter("open", "bench"), "tasks_status_assignee_idx");
        assertReadInOrderFrom(filter("any_open", "kelsey"), "tasks_status_assignee_idx");
    }

    @Test
    void aLaterPageStartsInTheIndexAtItsCursor() throws Exception {
        var filter = new TaskFilter("open", null, null, null, null, 60_000, TaskFilter.DEFAULT_LIMIT);
        assertReadInOrderFrom(filter, "tasks_status_idx");
        assertThat(ids(TaskQuery.of(filter))).first().isEqualTo(60_001L);
    }

    @Test
    void theCachedGenericPlanIsTheSameIndexScanWhateverTheParameters() throws Exception {
        for (TaskFilter filter : List.of(filter("open", null), filter("any_open", null), filter(null, "bench"), filter("open", "bench"))) {
            JsonNode plan = explainGeneric(TaskQuery.of(filter));
            assertThat(indexes(plan)).as(plan.toPrettyString()).isNotEmpty()
                    .allMatch(name -> name.startsWith("tasks_") && name.endsWith("_idx"));
            assertThat(removedByFilter(plan)).as(plan.toPrettyString()).isZero();
        }
    }

    /** The page holds the plain query's rows, and every scan in its plan is {@code index} with nothing filtered. */
    static void assertReadInOrderFrom(TaskFilter filter, String index) throws Exception {
        TaskQuery query = TaskQuery.of(filter);
        JsonNode plan = explain(query);
        assertThat(indexes(plan)).as(plan.toPrettyString()).isNotEmpty().allMatch(index::equals);
        assertThat(removedByFilter(plan)).as(plan.toPrettyString()).isZero();
        assertThat(ids(query)).isNotEmpty().isEqualTo(ids(plain(filter)));
    }

    /** The same page written plainly: one WHERE, ORDER BY id. */
    static TaskQuery plain(TaskFilter filter) {
        var args = new ArrayList<Object>(List.of(filter.afterId()));
        var sql = new StringBuilder("SELECT " + TaskQuery.COLUMNS + " FROM tasks WHERE id > ?");
        if ("any_open".equals(filter.status())) {
            sql.append(" AND status <> ALL(ARRAY['" + String.join("', '", TaskStatus.CLOSED) + "'])");
        } else if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status());
        }
        if (filter.assignee() != null) {
            sql.append(" AND assignee = ?");
            args.add(filter.assignee());
        }
        args.add(filter.limit() + 1);
        return new TaskQuery(sql + " ORDER BY id LIMIT ?", args);
    }

    static List<Long> ids(TaskQuery query) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            var ids = new ArrayList<Long>();
            while (rs.next()) {
                ids.add(rs.getLong("id"));
            }
            return ids;
        }
    }

    static JsonNode explain(TaskQuery query) throws Exception {
        var explained = new TaskQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + query.sql(), query.args());
        try (Connection c = db.getConnection(); PreparedStatement ps = explained.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return JSON.readTree(rs.getString(1)).get(0).get("Plan");
        }
    }

    /** The plan PostgreSQL caches for the statement once it stops planning per call (the parameters unknown). */
    static JsonNode explainGeneric(TaskQuery query) throws Exception {
        var sql = new StringBuilder();
        int n = 0;
        for (char ch : query.sql().toCharArray()) {
            sql.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        var values = new ArrayList<String>();
        for (Object arg : query.args()) {
            values.add(arg instanceof TaskQuery.TextArray array ? "ARRAY['" + String.join("', '", array.values()) + "']"
                    : arg instanceof String text ? "'" + text + "'" : arg.toString());
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE page AS " + sql);
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE page(" + String.join(", ", values) + ")")) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0).get("Plan");
            }
        }
    }

    static List<String> indexes(JsonNode plan) {
        var names = new ArrayList<String>();
        walk(plan, node -> {
            if (node.path("Node Type").asText().contains("Scan")) {
                names.add(node.path("Index Name").asText(node.path("Node Type").asText()));
            }
        });
        return names;
    }

    static long removedByFilter(JsonNode plan) {
        long[] removed = {0};
        walk(plan, node -> removed[0] += node.path("Rows Removed by Filter").asLong(0));
        return removed[0];
    }

    static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        for (JsonNode child : node.path("Plans")) {
            walk(child, visit);
        }
    }
}
