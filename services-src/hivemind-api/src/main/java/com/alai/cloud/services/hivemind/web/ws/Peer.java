package com.alai.cloud.services.hivemind.web.ws;

/** What an application may do with its WebSocket peer; safe from any thread. */
public interface Peer {
    /** Sends one text message. False once the connection is closing or gone: nothing follows a close frame. */
    boolean send(String text);

    /**
     * Starts the close handshake and returns at once. The first close wins, so the code the peer receives is the
     * one given here; a peer that does not answer within the close bound is cut off at the socket.
     */
    void close(int code, String reason);
}
