package com.alai.cloud.services.common.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-events channel to one client; a failed write means the client has gone. The response starts with
 * the first event (or when the handler returns), so a handler can still refuse with an error before that.
 */
public final class EventStream {
    /** Starts the 200 response and returns its body. */
    @FunctionalInterface
    interface Opener {
        OutputStream open() throws IOException;
    }

    private final Opener opener;
    private OutputStream out;

    EventStream(Opener opener) {
        this.opener = opener;
    }

    synchronized boolean opened() {
        return out != null;
    }

    synchronized void open() throws IOException {
        if (out == null) {
            out = opener.open();
        }
    }

    public synchronized void send(String event, String id, String data) throws IOException {
        open();
        var text = new StringBuilder();
        if (id != null) {
            text.append("id: ").append(id).append('\n');
        }
        text.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        text.append('\n');
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A comment line that keeps proxies from closing an idle stream. */
    public synchronized void heartbeat() throws IOException {
        open();
        out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
