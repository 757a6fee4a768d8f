package com.alai.cloud.services.mc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** GET /stats: counts by status and assignee, the open count, tasks closed per day over the last 30 days. */
final class StatsRepository {
    private final DataSource db;

    StatsRepository(DataSource db) {
        this.db = db;
    }

    Map<String, Object> stats() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setReadOnly(true);
            var result = new LinkedHashMap<String, Object>();
            result.put("total", single(s, "SELECT count(*) FROM tasks"));
            result.put("open", single(c, "SELECT count(*) FROM tasks WHERE status <> ALL(?)"));
            result.put("byStatus", counts(s, "SELECT status, count(*) FROM tasks GROUP BY status ORDER BY status"));
            result.put("byAssignee", counts(c, "SELECT coalesce(assignee, '(unassigned)'), count(*) FROM tasks"
                    + " WHERE status <> ALL(?) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100"));
            result.put("closedPerDay", counts(s, "SELECT to_char(date_trunc('day', closed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD'),"
                    + " count(*) FROM tasks WHERE closed_at >= now() - interval '30 days' GROUP BY 1 ORDER BY 1"));
            return result;
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // The closed set bound as the query's one parameter.
    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = open(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> counts(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = open(c, sql); ResultSet rs = ps.executeQuery()) {
            return counts(rs);
        }
    }

    private static PreparedStatement open(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setArray(1, TaskStatus.closedParameter(c));
        return ps;
    }

    private static Map<String, Long> counts(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return counts(rs);
        }
    }

    private static Map<String, Long> counts(ResultSet rs) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        while (rs.next()) {
            counts.put(rs.getString(1), rs.getLong(2));
        }
        return counts;
    }
}
