package com.alai.cloud.services.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.error.ApiException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A stream's response begins with its first event: before that, its handler can still answer with a problem. */
class EventStreamTest {
    @Test
    void aStreamRefusedBeforeItsFirstEventIsAProblemAndOneThatSendsIsAnEventStream() throws Exception {
        try (var postgres = EmbeddedPostgres.start()) {
            var config = new ServiceConfig(0, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "postgres", "", 2, "http://localhost:1/unused", "aud", 1024, 0);
            try (Service service = Service.builder("stream-test", config, "classpath:db/migration/startup")
                    .routes(() -> new Routes()
                            .stream("/missing", null, (r, events) -> {
                                throw ApiException.notFound("no such stream");
                            })
                            .stream("/one", null, (r, events) -> events.send("hello", "1", "{}")))
                    .start()) {
                var http = HttpClient.newHttpClient();
                HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.port() + "/missing")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(missing.statusCode()).isEqualTo(404);
                assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
                HttpResponse<String> one = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.port() + "/one")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(one.statusCode()).isEqualTo(200);
                assertThat(one.headers().firstValue("Content-Type")).contains("text/event-stream");
                assertThat(one.body()).isEqualTo("id: 1\nevent: hello\ndata: {}\n\n");
            }
        }
    }
}
