package com.alai.cloud.services.hivemind.ws;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.access.SubscribeGate;
import com.alai.cloud.services.hivemind.bus.Fanout;
import com.alai.cloud.services.hivemind.store.GroupStore;
import com.alai.cloud.services.hivemind.store.MessageStore;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Makes one listener per WebSocket connection and keeps the open subscriptions, to close them on shutdown. */
public final class Subscriptions implements Supplier<WsListener> {
    private final SubscribeGate gate;
    private final MessageStore store;
    private final GroupStore groups;
    private final Fanout fanout;
    private final Subscription.Limits limits;
    private final JsonLog log;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

    public Subscriptions(SubscribeGate gate, MessageStore store, GroupStore groups, Fanout fanout, int window,
                         int bufferLimit, JsonLog log) {
        this.gate = gate;
        this.store = store;
        this.groups = groups;
        this.fanout = fanout;
        this.limits = new Subscription.Limits(window, bufferLimit, 200, 200);
        this.log = log;
    }

    @Override
    public WsListener get() {
        return new SubscribeEndpoint(gate, this, log);
    }

    Subscription open(SubscribeGate.Admission admission, WsSession session, String hello) {
        var subscription = new Subscription(admission.topic().name(), admission.after(), admission.group(), session,
                store, groups, fanout, limits, log);
        open.add(subscription);
        Thread.ofVirtual().name("subscription-" + admission.topic().name()).start(() -> {
            try {
                subscription.run(hello);
            } finally {
                open.remove(subscription);
            }
        });
        return subscription;
    }

    public int count() {
        return open.size();
    }

    /** Tells every subscriber this replica is going away, so they reconnect elsewhere from their last ack. */
    public void closeAll() {
        for (Subscription s : Set.copyOf(open)) {
            s.close(CloseCodes.GOING_AWAY, "the replica is shutting down; reconnect from your last acked offset");
        }
    }
}
