package com.alai.cloud.services.hivemind.ws;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.bus.Fanout;
import com.alai.cloud.services.hivemind.bus.Frame;
import com.alai.cloud.services.hivemind.bus.Subscriber;
import com.alai.cloud.services.hivemind.model.Message;
import com.alai.cloud.services.hivemind.store.GroupStore;
import com.alai.cloud.services.hivemind.store.MessageStore;
import com.alai.cloud.services.hivemind.web.ws.Peer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket subscriber. A writer thread replays from the database until it has caught up, then streams what
 * the replica's fan-out delivers; any gap it notices is read from the database, so delivery is complete and in
 * offset order whatever happened to notifications. At most {@code window} messages are in flight unacked; live
 * messages wait in a buffer of at most {@code bufferLimit}, and a subscriber that lets it fill is closed (4408).
 */
final class Subscription implements Subscriber {
    /** How a subscription is tuned: in-flight window, live buffer, replay page, group commit interval. */
    record Limits(int window, int bufferLimit, int page, int commitEveryMs) {
    }

    private final String topic;
    private final String group;
    private final Peer peer;
    private final MessageStore store;
    private final GroupStore groups;
    private final Fanout fanout;
    private final Limits limits;
    private final JsonLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Frame> buffer = new ArrayDeque<>();
    private boolean live;
    private boolean closed;
    private long latestKnown;
    private long sent;
    private long acked;
    private long committed;

    Subscription(String topic, long after, String group, Peer peer, MessageStore store, GroupStore groups,
                 Fanout fanout, Limits limits, JsonLog log) {
        this.topic = topic;
        this.group = group;
        this.peer = peer;
        this.store = store;
        this.groups = groups;
        this.fanout = fanout;
        this.limits = limits;
        this.log = log;
        this.sent = after;
        this.acked = after;
        this.committed = after;
        this.latestKnown = after;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void deliver(List<Frame> batch) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            latestKnown = Math.max(latestKnown, batch.get(batch.size() - 1).offset());
            if (live) {
                if (buffer.size() + batch.size() > limits.bufferLimit()) {
                    close(CloseCodes.SLOW_CONSUMER, "buffer of " + limits.bufferLimit() + " messages full; reconnect"
                            + " with after=" + acked);
                    return;
                }
                buffer.addAll(batch);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void deleted() {
        close(CloseCodes.TOPIC_DELETED, "topic " + topic + " was deleted");
    }

    /** A cumulative ack: every offset up to {@code offset} is processed. Acking what was never sent is an error. */
    void ack(long offset) {
        lock.lock();
        try {
            if (offset > sent) {
                close(CloseCodes.BAD_FRAME, "ack " + offset + " is beyond the last delivered offset " + sent);
                return;
            }
            acked = Math.max(acked, offset);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The writer: runs until the subscription closes. */
    void run(String hello) {
        try {
            fanout.subscribe(this);
            if (!peer.send(hello)) {
                return;
            }
            while (isOpen()) {
                replay();
                stream();
            }
        } catch (Closed done) {
            // The session ended; nothing more to send.
        } catch (Exception e) {
            log.error("subscription failed", Map.of("topic", topic, "error", e.getClass().getName()));
            close(CloseCodes.INTERNAL_ERROR, "the server could not read the topic; reconnect with after=" + acked);
        } finally {
            fanout.unsubscribe(this);
            commit();
        }
    }

    private void replay() throws Exception {
        while (true) {
            List<Message> page = store.read(topic, sent, limits.page());
            for (Message m : page) {
                send(Frame.of(m));
            }
            if (page.size() < limits.page()) {
                lock.lock();
                try {
                    if (sent >= latestKnown) {
                        live = true;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    // Returns to replay when a gap shows up, i.e. something was committed that the fan-out did not hand over.
    private void stream() throws Exception {
        while (true) {
            Frame next = take();
            if (next.offset() <= sent) {
                continue;
            }
            if (next.offset() > sent + 1) {
                lock.lock();
                try {
                    live = false;
                    buffer.clear();
                } finally {
                    lock.unlock();
                }
                return;
            }
            send(next);
        }
    }

    private Frame take() throws InterruptedException {
        lock.lock();
        try {
            while (buffer.isEmpty()) {
                ensureOpen();
                commitWhileWaiting();
                changed.await(limits.commitEveryMs(), TimeUnit.MILLISECONDS);
            }
            return buffer.poll();
        } finally {
            lock.unlock();
        }
    }

    private void send(Frame m) throws InterruptedException {
        lock.lock();
        try {
            while (sent - acked >= limits.window()) {
                ensureOpen();
                commitWhileWaiting();
                changed.await(limits.commitEveryMs(), TimeUnit.MILLISECONDS);
            }
            ensureOpen();
            sent = m.offset();
        } finally {
            lock.unlock();
        }
        if (!peer.send(m.text())) {
            throw new Closed(); // closing or gone: either way this subscriber gets nothing more
        }
        commitIfDue();
    }

    private long lastCommitNanos = System.nanoTime();

    // Called with the lock held: the database write happens without it, so deliver() never waits on I/O.
    private void commitWhileWaiting() {
        lock.unlock();
        try {
            commitIfDue();
        } finally {
            lock.lock();
        }
    }

    private void commitIfDue() {
        if (group != null && acked > committed
                && System.nanoTime() - lastCommitNanos > TimeUnit.MILLISECONDS.toNanos(limits.commitEveryMs())) {
            commit();
        }
    }

    private void commit() {
        long target;
        lock.lock();
        try {
            target = acked;
        } finally {
            lock.unlock();
        }
        if (group == null || target <= committed) {
            return;
        }
        try {
            groups.commit(topic, group, target, false);
            committed = target;
            lastCommitNanos = System.nanoTime();
        } catch (Exception e) {
            log.warn("group commit failed; will retry", Map.of("topic", topic, "group", group));
        }
    }

    private boolean isOpen() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new Closed();
        }
    }

    /** Closes with a code the client can act on; idempotent. */
    void close(int code, String reason) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            buffer.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        // Returns at once (the caller may be the replica's listener); the close is bounded in time by the peer.
        peer.close(code, reason);
    }

    /** The peer went away: stop without sending a close frame. */
    void ended() {
        lock.lock();
        try {
            closed = true;
            buffer.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static final class Closed extends RuntimeException {
        Closed() {
            super(null, null, false, false);
        }
    }
}
