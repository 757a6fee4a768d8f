package com.alai.cloud.services.hivemind.ws;

/**
 * Close codes a subscriber can act on. The 4xxx application codes mirror HTTP statuses, so a client maps them the
 * way it maps REST errors: 4400 fix the frame, 4408 consume faster, 4410 check the network; then reconnect from the
 * last acked offset.
 */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    /** The replica is shutting down; reconnect (to any replica) from the last acked offset. */
    public static final int GOING_AWAY = 1001;
    /** A frame that breaks RFC 6455: reserved bits or opcode, unmasked, bad fragmentation or control frame. */
    public static final int PROTOCOL_ERROR = 1002;
    /** A binary frame: the protocol is JSON text. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** A text message or close reason that is not valid UTF-8. */
    public static final int INVALID_DATA = 1007;
    /** A frame larger than any valid ack. */
    public static final int TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    /** A malformed frame, an unknown frame type, or an ack for an offset not yet delivered. */
    public static final int BAD_FRAME = 4400;
    /** The topic was deleted (DELETE /topics/{topic}); do not reconnect. */
    public static final int TOPIC_DELETED = 4404;
    /** The subscriber did not keep up: its buffer filled. Reconnect with ?after=LAST_ACKED. */
    public static final int SLOW_CONSUMER = 4408;
    /** Nothing came back, not even a pong, for a whole ping interval after the server's ping. */
    public static final int NO_PONG = 4410;

    private CloseCodes() {
    }
}
