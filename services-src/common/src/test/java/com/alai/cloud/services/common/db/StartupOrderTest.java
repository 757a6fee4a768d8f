package com.alai.cloud.services.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.http.HttpService;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.common.log.JsonLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server listens before the migrations run: liveness answers at once, everything needing the schema waits. */
class StartupOrderTest {
    static EmbeddedPostgres postgres;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static ServiceConfig config() {
        return new ServiceConfig(0, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "",
                2, "http://localhost:1/unused", "aud", 1024, 0);
    }

    static HttpService serve(Database database) throws Exception {
        var routes = new Routes().publicGet("/rows", r -> {
            try (var c = database.connection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM started")) {
                rs.next();
                return Response.json(200, Map.of("rows", rs.getLong(1)));
            }
        });
        return new HttpService(0, routes, null, database::ready, new JsonLog("t"), 1024).start();
    }

    static HttpResponse<String> get(HttpService http, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beforeTheMigrationsLivenessIsUpAndTheRestAnswers503WithRetryAfter() throws Exception {
        try (var database = new Database(config(), "classpath:db/migration/startup"); var http = serve(database)) {
            assertThat(get(http, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(http, "/readyz").statusCode()).isEqualTo(503);
            var rows = get(http, "/rows");
            assertThat(rows.statusCode()).isEqualTo(503);
            assertThat(rows.headers().firstValue("Retry-After")).contains("1");
            assertThat(rows.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void afterTheMigrationsTheServiceIsReadyAndServesTheSchema() throws Exception {
        try (var database = new Database(config(), "classpath:db/migration/startup"); var http = serve(database)) {
            database.migrate();
            assertThat(get(http, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(http, "/rows").body()).isEqualTo("{\"rows\":0}");
        }
    }

    @Test
    void beforeTheRoutesAreBuiltAnyOtherPathIsA503NotA404() throws Exception {
        var log = new JsonLog("t");
        try (var database = new Database(config(), "classpath:db/migration/startup");
             var http = new HttpService(0, database::ready, log, 1024, 0, java.util.List.of()).start()) {
            assertThat(get(http, "/healthz").statusCode()).isEqualTo(200);
            var early = get(http, "/tasks/42");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).contains("1");
            http.serve(new Routes().publicGet("/other", r -> Response.json(200, Map.of())), null);
            assertThat(get(http, "/tasks/42").statusCode()).isEqualTo(404);
        }
    }
}
