package com.alai.cloud.services.hivemind.web;

import com.alai.cloud.services.common.http.Dispatcher;
import com.alai.cloud.services.common.http.Exchange;
import com.alai.cloud.services.common.http.Response;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helidon SE's server carrying the same {@link Dispatcher} as the JDK server does for the other services, plus the
 * WebSocket upgrade the JDK server cannot do. The HTTP/1.1 connection is configured here, not discovered, so the one
 * upgrader it knows is HiveMind's ({@code web.ws}), not Helidon's WebSocket module.
 */
public final class HelidonServer implements AutoCloseable {
    private final WebServer server;

    public HelidonServer(int port, Dispatcher dispatcher, Http1Upgrader ws, int graceSeconds) {
        this.server = WebServer.builder()
                .port(port)
                .shutdownHook(false)
                .protocolsDiscoverServices(false)
                .addConnectionSelector(Http1ConnectionSelector.builder().config(Http1Config.create())
                        .addUpgrader(ws).build())
                // Frames are small and frequent: without TCP_NODELAY, Nagle holds each behind the peer's delayed ACK.
                .connectionOptions(o -> o.tcpNoDelay(true))
                .shutdownGracePeriod(Duration.ofSeconds(graceSeconds))
                .routing(r -> r.any((req, res) -> dispatcher.handle(new HelidonExchange(req, res))))
                .build();
    }

    public HelidonServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class HelidonExchange implements Exchange {
        private final ServerRequest req;
        private final ServerResponse res;
        private Map<String, List<String>> headers;

        HelidonExchange(ServerRequest req, ServerResponse res) {
            this.req = req;
            this.res = res;
        }

        @Override
        public String method() {
            return req.prologue().method().text();
        }

        @Override
        public String rawPath() {
            return req.path().rawPath();
        }

        @Override
        public String rawQuery() {
            String raw = req.query().rawValue();
            return raw == null || raw.isEmpty() ? null : raw;
        }

        @Override
        public Map<String, List<String>> headers() {
            if (headers == null) {
                var copy = new LinkedHashMap<String, List<String>>();
                for (Header h : req.headers()) {
                    copy.put(h.name(), h.allValues());
                }
                headers = copy;
            }
            return headers;
        }

        @Override
        public String header(String name) {
            return req.headers().first(HeaderNames.create(name)).orElse(null);
        }

        @Override
        public InputStream body() {
            return req.content().inputStream();
        }

        @Override
        public void respond(Response response) {
            res.status(response.status());
            res.header("Content-Type", response.contentType());
            response.headers().forEach(res::header);
            if (response.body().length == 0 || response.status() == 204) {
                res.send();
            } else {
                res.send(response.body());
            }
        }

        @Override
        public OutputStream openStream(Map<String, String> headers) {
            headers.forEach(res::header);
            return res.outputStream();
        }
    }
}
