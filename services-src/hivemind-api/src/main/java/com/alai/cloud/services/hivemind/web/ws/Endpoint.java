package com.alai.cloud.services.hivemind.web.ws;

import java.util.function.Function;

/** The application's side of one WebSocket: whole, validated messages in, and one end, whatever the cause. */
public interface Endpoint {
    void onText(String text);

    void onBinary();

    /** Called once when the connection is over: close handshake done, protocol error, abort, or peer vanished. */
    void onEnd();

    /** Decides an upgrade before the 101 is written. */
    @FunctionalInterface
    interface Acceptor {
        /** How to open the endpoint for this request, or null to leave it to the HTTP routes (they answer 4xx). */
        Function<Peer, Endpoint> admit(String rawPath, String rawQuery, String authorization);
    }
}
