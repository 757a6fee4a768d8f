package com.alai.cloud.services.hivemind.ws;

/**
 * Close codes a subscriber can act on. The 4xxx application codes mirror HTTP statuses, so a client maps them the
 * way it maps REST errors: 4400 fix the frame, 4408 consume faster or reconnect from the last acked offset.
 */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    /** The replica is shutting down; reconnect (to any replica) from the last acked offset. */
    public static final int GOING_AWAY = 1001;
    /** A binary frame: the protocol is JSON text. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** A frame larger than any valid ack. */
    public static final int TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    /** A malformed frame, an unknown frame type, or an ack for an offset not yet delivered. */
    public static final int BAD_FRAME = 4400;
    /** The subscriber did not keep up: its buffer filled. Reconnect with ?after=LAST_ACKED. */
    public static final int SLOW_CONSUMER = 4408;

    private CloseCodes() {
    }
}
