package com.alai.cloud.services.hivemind.web.ws;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.ws.CloseCodes;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One upgraded connection, run on Helidon's connection thread: reads frames, answers pings, keeps an idle peer
 * alive (or closes one that stopped answering), and runs the close handshake with a bound. Whatever happens ends
 * here: nothing escapes to Helidon, which would write an HTTP 500 into the upgraded stream.
 */
final class WsSocket implements ServerConnection, Peer {
    private static final byte[] PING = "hivemind".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final ConnectionContext ctx;
    private final Function<Peer, Endpoint> opener;
    private final WsTimers timers;
    private final JsonLog log;
    private final Outbound out;
    private final Inbound in;
    private final int maxMessage;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile long lastReadNanos = System.nanoTime();
    private long pingSentNanos; // the timer thread's alone
    private Endpoint endpoint;

    WsSocket(ConnectionContext ctx, Function<Peer, Endpoint> opener, int maxMessage, WsTimers timers, JsonLog log) {
        this.ctx = ctx;
        this.opener = opener;
        this.timers = timers;
        this.log = log;
        this.maxMessage = maxMessage;
        this.in = new Inbound(maxMessage);
        this.out = new Outbound(ctx.dataWriter(), this::abort);
    }

    @Override
    public void handle(Limit limit) {
        ScheduledFuture<?> keepalive = null;
        try {
            endpoint = opener.apply(this);
            keepalive = timers.everyPingInterval(this::tick);
            read(ctx.dataReader());
        } catch (DataReader.InsufficientDataAvailableException | io.helidon.webserver.ServerConnectionException
                 | java.io.UncheckedIOException gone) {
            // FIN, RST or our own abort: the peer is gone, there is no one to answer.
        } catch (RuntimeException e) {
            log.error("websocket endpoint failed", Map.of("error", e.getClass().getName(),
                    "message", String.valueOf(e.getMessage())));
            closeNow(CloseCodes.INTERNAL_ERROR, "internal error");
        } finally {
            if (keepalive != null) {
                keepalive.cancel(false);
            }
            over.set(true);
            if (endpoint != null) {
                endpoint.onEnd();
            }
        }
    }

    private void read(DataReader reader) {
        while (true) {
            WireFrame frame;
            try {
                frame = WireFrame.read(reader, maxMessage);
            } catch (ProtocolError e) {
                fail(e);
                continue;
            }
            lastReadNanos = System.nanoTime();
            if (frame.opcode() == WireFrame.CLOSE) {
                answerClose(frame);
                return; // the server closes TCP first (§7.1.1); Helidon does it as handle() returns
            }
            if (closing.get()) {
                continue; // after our close frame, the peer's frames are read only to find its close
            }
            try {
                dispatch(frame);
            } catch (ProtocolError e) {
                fail(e);
            }
        }
    }

    private void dispatch(WireFrame frame) {
        switch (frame.opcode()) {
            case WireFrame.PING -> out.pong(frame.payload());
            case WireFrame.PONG -> {
                // Any frame counts as a sign of life; lastReadNanos already moved.
            }
            default -> {
                Inbound.Message message = in.data(frame);
                if (message != null && message.text()) {
                    endpoint.onText(message.body());
                } else if (message != null) {
                    endpoint.onBinary();
                }
            }
        }
    }

    private void answerClose(WireFrame frame) {
        Inbound.Close close;
        try {
            close = Inbound.close(frame);
        } catch (ProtocolError e) {
            log(e);
            closeNow(e.code(), e.getMessage());
            return;
        }
        // Echoes the peer's code (§5.5.1), or, when our own close is being written, waits for it to finish.
        closeNow(close.code() == Inbound.NO_STATUS ? CloseCodes.NORMAL : close.code(), close.reason());
    }

    // On the reader's thread, which returns right after: Helidon then closes the socket.
    private void closeNow(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            timers.afterCloseBound(this::abortIfOpen);
        }
        out.close(code, reason);
    }

    // The reader goes on after a failure only to find the peer's close frame; the close bound caps the wait.
    private void fail(ProtocolError e) {
        if (!closing.get()) {
            log(e);
        }
        close(e.code(), e.getMessage());
    }

    private void log(ProtocolError e) {
        log.warn("websocket protocol error", Map.of("code", e.code(), "reason", e.getMessage(),
                "peer", String.valueOf(ctx.remotePeer().address())));
    }

    private void tick() {
        if (closing.get()) {
            return;
        }
        long now = System.nanoTime();
        if (pingSentNanos != 0 && lastReadNanos - pingSentNanos < 0) {
            close(CloseCodes.NO_PONG, "no pong within " + timers.pingSeconds() + " s of a ping; reconnect");
        } else if (now - lastReadNanos >= timers.pingNanos() / 2) {
            // Half an interval of silence at a tick is enough: a silent peer is then pinged on every tick.
            pingSentNanos = now;
            Thread.ofVirtual().name("ws-ping").start(() -> out.ping(PING));
        } else {
            pingSentNanos = 0;
        }
    }

    @Override
    public boolean send(String text) {
        return out.text(text);
    }

    @Override
    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            timers.afterCloseBound(this::abortIfOpen);
            Thread.ofVirtual().name("ws-close").start(() -> out.close(code, reason));
        }
    }

    private void abortIfOpen() {
        if (!over.get()) {
            abort();
        }
    }

    private void abort() {
        try {
            ctx.serverSocket().close();
        } catch (RuntimeException alreadyClosed) {
            // Nothing left to release.
        }
    }

    @Override
    public Duration idleTime() {
        // Helidon closes connections idle for 5 minutes; keepalive keeps a live peer's silence far shorter.
        return Duration.ofNanos(System.nanoTime() - lastReadNanos);
    }

    @Override
    public void close(boolean interrupt) {
        close(CloseCodes.GOING_AWAY, "the replica is stopping; reconnect from your last acked offset");
        if (interrupt) {
            abort();
        }
    }
}
