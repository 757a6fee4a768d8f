package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.log.JsonLog;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Every service's HTTP server: Helidon SE 4 (chosen by measurement, see services-src/README.md) on virtual threads,
 * carrying a {@link Dispatcher}, with the HTTP/1.1 upgraders a service brings (HiveMind's WebSocket). What Helidon
 * answers itself, before our code runs (a malformed request line or header, a body over the limit), is problem+json
 * too. Stops gracefully: in-flight requests get the grace period.
 */
public final class HttpService implements AutoCloseable {
    private final WebServer server;
    private final Dispatcher dispatcher;

    /** A server that answers liveness and readiness only, until {@link #serve}: it can listen before the app is built. */
    public HttpService(int port, BooleanSupplier ready, JsonLog log, int maxBodyBytes, int graceSeconds,
                       List<Http1Upgrader> upgraders) {
        this.dispatcher = new Dispatcher(ready, log, maxBodyBytes);
        var http1 = Http1ConnectionSelector.builder().config(Http1Config.create());
        upgraders.forEach(http1::addUpgrader);
        var problems = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            problems.addHandler(type, HttpService::problem);
        }
        this.server = WebServer.builder()
                .port(port)
                .shutdownHook(false)
                // Configured, not discovered: the connection knows exactly the upgraders given here.
                .protocolsDiscoverServices(false)
                .addConnectionSelector(http1.build())
                .maxPayloadSize(maxBodyBytes)
                .directHandlers(problems.build())
                // Without TCP_NODELAY, Nagle holds a response's body behind the client's delayed ACK of its headers.
                .connectionOptions(o -> o.tcpNoDelay(true))
                .shutdownGracePeriod(Duration.ofSeconds(graceSeconds))
                .routing(r -> r.any((req, res) -> dispatcher.handle(new HelidonExchange(req, res))))
                .build();
    }

    public HttpService(int port, Routes routes, JwtVerifier verifier, BooleanSupplier ready, JsonLog log, int maxBodyBytes) {
        this(port, ready, log, maxBodyBytes, 0, List.of());
        serve(routes, verifier);
    }

    public HttpService serve(Routes routes, JwtVerifier verifier) {
        dispatcher.attach(routes, verifier);
        return this;
    }

    public HttpService start() {
        server.start();
        dispatcher.log().info("listening", Map.of("port", port()));
        return this;
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting and lets in-flight requests finish within the grace period given at construction. */
    @Override
    public void close() {
        server.stop();
        dispatcher.log().info("stopped", Map.of());
    }

    // Helidon's own answers (bad request line or headers, payload over the limit): the same RFC 9457 body as ours.
    private static DirectHandler.TransportResponse problem(DirectHandler.TransportRequest request,
                                                           DirectHandler.EventType type, Status status,
                                                           io.helidon.http.ServerResponseHeaders headers, String message) {
        String detail = switch (type) {
            case PAYLOAD_TOO_LARGE -> "the body exceeds the size limit";
            case BAD_REQUEST -> "the request is malformed: " + (message == null || message.isBlank() ? status.reasonPhrase()
                    : message.length() > 160 ? message.substring(0, 160) : message);
            default -> status.reasonPhrase();
        };
        Response problem = ProblemWriter.toResponse(new ApiException(status.code(), status.reasonPhrase(), detail),
                request.path(), UUID.randomUUID().toString());
        headers.set(HeaderNames.CONTENT_TYPE, problem.contentType());
        return DirectHandler.TransportResponse.builder().status(status).headers(headers).entity(problem.body())
                .keepAlive(type.keepAlive()).build();
    }
}
