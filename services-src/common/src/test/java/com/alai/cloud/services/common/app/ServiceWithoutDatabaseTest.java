package com.alai.cloud.services.common.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service that keeps no database (skills-proxy) stands on the same skeleton without DATABASE_URL. */
class ServiceWithoutDatabaseTest {
    static final Env ENV = new Env(Map.of("PORT", "0", "OIDC_ISSUER", "http://127.0.0.1:9/default",
            "OIDC_AUDIENCE", "api://x"));

    @Test
    void itNeedsNoDatabaseSettings() {
        var config = ServiceConfig.withoutDatabase(ENV);
        assertThat(config.hasDatabase()).isFalse();
        assertThat(config.port()).isZero();
    }

    @Test
    void itIsReadyOnceStartedAndServesPublicRoutes() throws Exception {
        try (var service = Service.builder("no-db", ServiceConfig.withoutDatabase(ENV))
                .routes(() -> new Routes().publicGet("/hello", r -> Response.json(200, Map.of("hi", 1))))
                .start()) {
            var http = HttpClient.newHttpClient();
            for (String path : new String[] {"/readyz", "/hello"}) {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
            assertThat(service.database()).isNull();
        }
    }

    @Test
    void askingItForAPoolIsAProgrammingError() {
        var builder = Service.builder("no-db", ServiceConfig.withoutDatabase(ENV));
        assertThatThrownBy(builder::dataSource).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a database");
    }
}
