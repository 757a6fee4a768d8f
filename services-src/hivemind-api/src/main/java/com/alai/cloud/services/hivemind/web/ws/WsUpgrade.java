package com.alai.cloud.services.hivemind.web.ws;

import com.alai.cloud.services.common.log.JsonLog;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.spi.ServerConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;

/**
 * The opening handshake (§4.2) on Helidon's HTTP/1.1 connection, handing the socket to a {@link WsSocket} rather
 * than to Helidon's own WebSocket connection, which answers no ping, checks no UTF-8 or control-frame rule, and lets
 * a bad opcode escape as an HTTP 500. Anything it does not accept is left to the HTTP routes, so every refusal is
 * answered there as problem+json.
 */
public final class WsUpgrade implements Http1Upgrader {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private final Endpoint.Acceptor acceptor;
    private final int maxMessage;
    private final WsTimers timers;
    private final JsonLog log;

    public WsUpgrade(Endpoint.Acceptor acceptor, int maxMessage, WsTimers timers, JsonLog log) {
        this.acceptor = acceptor;
        this.maxMessage = maxMessage;
        this.timers = timers;
        this.log = log;
    }

    @Override
    public String supportedProtocol() {
        return "websocket";
    }

    @Override
    public ServerConnection upgrade(ConnectionContext ctx, HttpPrologue prologue, WritableHeaders<?> headers) {
        String key = headers.first(HeaderNames.create("Sec-WebSocket-Key")).orElse("");
        if (prologue.method() != Method.GET || !validKey(key)
                || !"13".equals(headers.first(HeaderNames.create("Sec-WebSocket-Version")).orElse(""))) {
            return null;
        }
        Function<Peer, Endpoint> opener = acceptor.admit(prologue.uriPath().rawPath(), prologue.query().rawValue(),
                headers.first(HeaderNames.AUTHORIZATION).orElse(null));
        if (opener == null) {
            return null;
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        try {
            ctx.dataWriter().writeNow(BufferData.create(response.getBytes(StandardCharsets.US_ASCII)));
        } catch (RuntimeException gone) {
            // The client left before the 101: a quiet end, not an HTTP 500 into a dead socket.
            throw new CloseConnectionException("client gone before the upgrade completed");
        }
        return new WsSocket(ctx, opener, maxMessage, timers, log);
    }

    private static boolean validKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
