package com.alai.cloud.services.hivemind.web.ws;

/** The peer broke RFC 6455 (or our limits): the connection fails with {@code code} (1002, 1007 or 1009). */
final class ProtocolError extends RuntimeException {
    private final int code;

    ProtocolError(int code, String reason) {
        // No stack: it is an answer to the peer, logged as one line, never a server fault.
        super(reason, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
