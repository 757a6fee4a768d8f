package com.alai.cloud.services.hivemind.web.ws;

import io.helidon.common.buffers.DataWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way frames reach the socket: one at a time (the writer, the reader's pongs and the keepalive share the
 * socket), and never anything after the close frame (§5.5.1). A failed write aborts the connection.
 */
final class Outbound {
    private static final int MAX_REASON_BYTES = WireFrame.MAX_CONTROL_PAYLOAD - 2;
    private final DataWriter writer;
    private final Runnable abort;
    // Not synchronized: a virtual thread blocked in a socket write must not pin its carrier (JDK 21).
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closeSent;

    Outbound(DataWriter writer, Runnable abort) {
        this.writer = writer;
        this.abort = abort;
    }

    boolean text(String text) {
        return write(WireFrame.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    boolean ping(byte[] payload) {
        return write(WireFrame.PING, payload);
    }

    boolean pong(byte[] payload) {
        return write(WireFrame.PONG, payload);
    }

    /** Sends the close frame unless one was sent; returns once no frame is being written either way. */
    void close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(text.length, MAX_REASON_BYTES);
        while (n > 0 && n < text.length && (text[n] & 0xC0) == 0x80) {
            n--; // never cut a UTF-8 sequence: the peer would fail us with 1007
        }
        byte[] payload = new byte[2 + n];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, n);
        lock.lock();
        try {
            if (!closeSent) {
                closeSent = true;
                writeLocked(WireFrame.CLOSE, payload);
            }
        } finally {
            lock.unlock();
        }
    }

    boolean closeSent() {
        return closeSent;
    }

    private boolean write(int opcode, byte[] payload) {
        lock.lock();
        try {
            return !closeSent && writeLocked(opcode, payload);
        } finally {
            lock.unlock();
        }
    }

    private boolean writeLocked(int opcode, byte[] payload) {
        try {
            writer.writeNow(WireFrame.encode(opcode, payload));
            return true;
        } catch (RuntimeException gone) {
            abort.run();
            return false;
        }
    }
}
