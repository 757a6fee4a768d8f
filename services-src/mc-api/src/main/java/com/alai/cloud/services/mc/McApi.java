package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.db.Database;
import com.alai.cloud.services.common.http.HttpService;
import com.alai.cloud.services.common.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Mission Control API: wires config, database, routes and the HTTP server; stops gracefully on SIGTERM. */
public final class McApi implements AutoCloseable {
    private final Database database;
    private final HttpService http;
    private final int graceSeconds;

    private McApi(Database database, HttpService http, int graceSeconds) {
        this.database = database;
        this.http = http;
        this.graceSeconds = graceSeconds;
    }

    /**
     * Listens first, then builds the application, then connects and migrates: at a quarter of a vCPU liveness
     * answers within a second, and readiness (what the platform routes traffic on) once the database is migrated.
     */
    public static McApi start(ServiceConfig config, JsonLog log) throws IOException {
        var database = new Database(config, "classpath:db/migration/mc");
        var http = new HttpService(config.port(), database::ready, log, config.maxBodyBytes()).start();
        try {
            var routes = new TaskRoutes(new TaskRepository(database.dataSource()), new StatsRepository(database.dataSource()),
                    new ChangeFeed(), new CommentRepository(database.dataSource()), openApi()).routes();
            http.serve(routes, new JwtVerifier(config.oidcIssuer(), config.oidcAudience()));
            database.migrate();
        } catch (IOException | RuntimeException e) {
            // A replica that cannot migrate must exit, not stay live and never ready: the platform restarts it.
            http.close();
            database.close();
            throw e;
        }
        log.info("ready", Map.of("port", http.port()));
        return new McApi(database, http, config.shutdownGraceSeconds());
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop(graceSeconds);
        database.close();
    }

    static byte[] openApi() throws IOException {
        try (InputStream in = McApi.class.getResourceAsStream("/openapi.json")) {
            return in.readAllBytes();
        }
    }

    public static void main(String[] args) {
        Launcher.run("mc-api", ServiceConfig::from, McApi::start);
    }
}
