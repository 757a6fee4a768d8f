package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every candidate server does, in the same code: a 2-connection pool opened after the server listens (so
 * liveness comes before readiness, as in the services), and GET /tasks — 50 open rows as JSON through Jackson.
 */
final class Db {
    private static final ObjectMapper JSON = new ObjectMapper();
    private volatile HikariDataSource pool;

    void open() {
        var config = new HikariConfig();
        config.setJdbcUrl(System.getenv("BENCH_DB"));
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        pool = new HikariDataSource(config);
    }

    boolean ready() {
        return pool != null;
    }

    byte[] tasks(String cursor) {
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, title, status, description FROM tasks WHERE status <> ALL(?) AND id > ? ORDER BY id LIMIT 50")) {
            s.setArray(1, c.createArrayOf("text", new String[] {"done", "cancelled"}));
            s.setLong(2, after);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("id", rs.getLong(1));
                    row.put("title", rs.getString(2));
                    row.put("status", rs.getString(3));
                    row.put("description", rs.getString(4));
                    rows.add(row);
                }
            }
            return JSON.writeValueAsBytes(Map.of("items", rows));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("PORT", "18080"));
    }
}
