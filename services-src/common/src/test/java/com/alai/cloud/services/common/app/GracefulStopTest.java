package com.alai.cloud.services.common.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service told to stop finishes the requests it has begun, runs its stop steps in order, then refuses new ones. */
class GracefulStopTest {
    @Test
    void anInFlightRequestCompletesAndTheStopStepsRunBeforeAndAfterTheServer() throws Exception {
        try (var postgres = EmbeddedPostgres.start()) {
            var config = new ServiceConfig(0, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "",
                    2, "http://localhost:1/unused", "aud", 1024, 10);
            var entered = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var order = new java.util.concurrent.CopyOnWriteArrayList<String>();
            Service service = Service.builder("stop-test", config, "classpath:db/migration/startup")
                    .routes(() -> new Routes().publicGet("/slow", r -> {
                        entered.countDown();
                        release.await(10, TimeUnit.SECONDS);
                        return Response.json(200, Map.of("done", true));
                    }))
                    .beforeStop(() -> order.add("before"))
                    .closeOnStop(() -> order.add("after"))
                    .start();
            var http = HttpClient.newHttpClient();
            URI slow = URI.create("http://127.0.0.1:" + service.port() + "/slow");
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(slow).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            var stopping = CompletableFuture.runAsync(service::close);
            release.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            stopping.get(15, TimeUnit.SECONDS);
            assertThat(order).containsExactly("before", "after");
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
