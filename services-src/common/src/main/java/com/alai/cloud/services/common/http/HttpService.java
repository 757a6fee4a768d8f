package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.log.JsonLog;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The JDK's own HTTP server (chosen by measurement, see services-src/README.md) on virtual threads, carrying a
 * {@link Dispatcher}; stops gracefully.
 */
public final class HttpService implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Dispatcher dispatcher;

    public HttpService(int port, Routes routes, JwtVerifier verifier, BooleanSupplier ready, JsonLog log, int maxBodyBytes)
            throws IOException {
        this(port, ready, log, maxBodyBytes);
        serve(routes, verifier);
    }

    /** A server that answers liveness and readiness only, until {@link #serve}: it can listen before the app is built. */
    public HttpService(int port, BooleanSupplier ready, JsonLog log, int maxBodyBytes) throws IOException {
        this.dispatcher = new Dispatcher(ready, log, maxBodyBytes);
        // Read once, when the first server is made: without it Nagle holds a response's body behind the client's
        // delayed ACK of its headers (40 ms a request on a keep-alive connection).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(port), 128);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                dispatcher.handle(new JdkExchange(exchange));
            }
        });
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
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets in-flight requests finish for up to {@code graceSeconds}. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        executor.shutdownNow();
        dispatcher.log().info("stopped", Map.of());
    }

    @Override
    public void close() {
        stop(0);
    }

    private record JdkExchange(HttpExchange exchange) implements Exchange {
        @Override
        public String method() {
            return exchange.getRequestMethod();
        }

        @Override
        public String rawPath() {
            return exchange.getRequestURI().getRawPath();
        }

        @Override
        public String rawQuery() {
            return exchange.getRequestURI().getRawQuery();
        }

        @Override
        public Map<String, List<String>> headers() {
            return exchange.getRequestHeaders();
        }

        @Override
        public InputStream body() {
            return exchange.getRequestBody();
        }

        @Override
        public void respond(Response response) throws IOException {
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", response.contentType());
            response.headers().forEach(headers::set);
            boolean empty = response.body().length == 0 || response.status() == 204;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                exchange.getResponseBody().write(response.body());
            }
        }

        @Override
        public OutputStream openStream(Map<String, String> headers) throws IOException {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(200, 0);
            return exchange.getResponseBody();
        }
    }
}
