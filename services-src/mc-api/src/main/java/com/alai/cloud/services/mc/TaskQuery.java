package com.alai.cloud.services.mc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one GET /tasks page, shaped so that an index hands PostgreSQL the rows of each equality filter already
 * in id order, whatever the statistics say.
 *
 * <p>Why the shapes: written plainly ({@code status = ? ... ORDER BY id}) the planner may walk the primary key and
 * filter, because it assumes a status is spread evenly over the ids. Open tasks are the newest, so after a burst of
 * posts it filtered out every older, closed row before finding 51 open ones. Equality on {@code status} makes it a
 * constant the planner drops from the ORDER BY, so both indexes look equally ordered; {@code status = ANY(?)} with a
 * one-element array is the same filter but keeps {@code ORDER BY status, id}, which only {@code (status, id)}
 * serves. {@code any_open} is one such branch per open status, merged by id. Without a status, the assignee plays the
 * same role on {@code (assignee, id)}. With both, the assignee is written as the range {@code BETWEEN x AND x}: an
 * {@code ANY} on an index's second column gives up index order before PostgreSQL 17, and an equality would again be
 * dropped from {@code ORDER BY status, assignee, id}, which only {@code (status, assignee, id)} serves.
 * The tag, updated-since and text filters stay filters on that scan (no btree orders them by id).
 *
 * <p>The page size is a literal (an int from {@link TaskFilter}, 1-501): with {@code LIMIT ?} the generic plan is
 * costed for a tenth of the table, so PostgreSQL kept planning every call afresh (0.19 ms, more than the 0.14 ms the
 * call itself took). With the literal, the cached generic plan wins after five calls, and the shapes above make it
 * the same index scan whatever the parameters.
 */
record TaskQuery(String sql, List<Object> args) {
    static final String COLUMNS = "id, title, description, status, assignee, tags, priority, created_at, updated_at,"
            + " closed_at, archived, version, extra::text";

    /** An array parameter: bound with {@link Connection#createArrayOf}. */
    record TextArray(List<String> values) {
    }

    static TaskQuery of(TaskFilter filter) {
        List<String> statuses = "any_open".equals(filter.status())
                ? TaskStatus.ALL.stream().filter(s -> !TaskStatus.closed(s)).toList()
                : filter.status() == null ? List.of() : List.of(filter.status());
        var args = new ArrayList<Object>();
        if (statuses.size() <= 1) {
            String only = statuses.isEmpty() ? null : statuses.get(0);
            return new TaskQuery(branch(only, filter, args), args);
        }
        var sql = new StringBuilder();
        for (String status : statuses) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append('(').append(branch(status, filter, args)).append(')');
        }
        sql.append(" ORDER BY id LIMIT ").append(filter.limit() + 1);
        return new TaskQuery(sql.toString(), args);
    }

    private static String branch(String status, TaskFilter filter, List<Object> args) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE id > ?");
        args.add(filter.afterId());
        String order = "id";
        if (status != null) {
            sql.append(" AND status = ANY(?)");
            args.add(new TextArray(List.of(status)));
            order = "status, id";
        }
        if (filter.assignee() != null && status != null) {
            sql.append(" AND assignee BETWEEN ? AND ?");
            args.add(filter.assignee());
            args.add(filter.assignee());
            order = "status, assignee, id";
        } else if (filter.assignee() != null) {
            sql.append(" AND assignee = ANY(?)");
            args.add(new TextArray(List.of(filter.assignee())));
            order = "assignee, id";
        }
        if (filter.tag() != null) {
            sql.append(" AND tags @> ARRAY[?]::text[]");
            args.add(filter.tag());
        }
        if (filter.updatedSince() != null) {
            sql.append(" AND updated_at >= ?");
            args.add(Timestamp.from(filter.updatedSince()));
        }
        if (filter.text() != null) {
            sql.append(" AND (title ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        sql.append(" ORDER BY ").append(order).append(" LIMIT ").append(filter.limit() + 1);
        return sql.toString();
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof TextArray array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array.values().toArray()));
                } else {
                    ps.setObject(i + 1, args.get(i));
                }
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
