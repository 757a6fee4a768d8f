package bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The one thing every server does: read a count from Postgres through a 2-connection pool. */
final class Db {
    private final HikariDataSource pool;

    Db() {
        var config = new HikariConfig();
        config.setJdbcUrl(System.getenv("BENCH_DB"));
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        pool = new HikariDataSource(config);
    }

    String count() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM tasks WHERE status = 'open'")) {
            rs.next();
            return "{\"open\":" + rs.getLong(1) + "}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("PORT", "18080"));
    }
}
