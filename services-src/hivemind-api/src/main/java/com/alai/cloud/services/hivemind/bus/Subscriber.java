package com.alai.cloud.services.hivemind.bus;

import java.util.List;

/** A local consumer of one topic's live messages. */
public interface Subscriber {
    String topic();

    /**
     * Newly committed messages, rendered, in offset order. Called on the replica's listener thread: must not block. A
     * subscriber that misses a batch (or gets one with a gap) reads the gap from the database itself.
     */
    void deliver(List<Frame> batch);

    /** The topic was deleted. Called on the listener thread: must not block. */
    void deleted();
}
