package com.alai.cloud.services.hivemind.ws;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.access.SubscribeGate;
import com.alai.cloud.services.hivemind.bus.Fanout;
import com.alai.cloud.services.hivemind.store.GroupStore;
import com.alai.cloud.services.hivemind.store.MessageStore;
import com.alai.cloud.services.hivemind.web.ws.Endpoint;
import com.alai.cloud.services.hivemind.web.ws.Peer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Admits subscribe upgrades, starts one writer per subscription, and keeps the open ones, to close them on
 * shutdown and to show that none outlives its peer.
 */
public final class Subscriptions implements Endpoint.Acceptor {
    /** The largest message a subscriber may send: an ack is far smaller. */
    public static final int MAX_MESSAGE_BYTES = 256;
    private static final ObjectMapper JSON = Json.mapper();
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
    public Function<Peer, Endpoint> admit(String rawPath, String rawQuery, String authorization) {
        SubscribeGate.Admission admission;
        try {
            admission = gate.admit(rawPath, rawQuery, authorization);
        } catch (ApiException | java.sql.SQLException refused) {
            return null; // the HTTP route runs the same check and answers with the problem
        }
        return peer -> new SubscribeEndpoint(open(admission, peer));
    }

    private Subscription open(SubscribeGate.Admission admission, Peer peer) {
        var subscription = new Subscription(admission.topic().name(), admission.after(), admission.group(), peer,
                store, groups, fanout, limits, log);
        log.info("subscribed", Map.of("topic", admission.topic().name(), "after", admission.after(),
                "subject", admission.caller().subject()));
        open.add(subscription);
        Thread.ofVirtual().name("subscription-" + admission.topic().name()).start(() -> {
            try {
                subscription.run(hello(admission));
            } finally {
                open.remove(subscription);
            }
        });
        return subscription;
    }

    private static String hello(SubscribeGate.Admission admission) {
        var hello = new LinkedHashMap<String, Object>();
        hello.put("type", "subscribed");
        hello.put("topic", admission.topic().name());
        hello.put("after", admission.after());
        hello.put("group", admission.group());
        hello.put("firstOffset", admission.topic().firstOffset());
        try {
            return JSON.writeValueAsString(hello);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subscriptions whose writer thread is still running on this replica (it leaves the set as it ends). */
    public int count() {
        return open.size();
    }

    /** Subscribers registered with this replica's fan-out. */
    public int registrations() {
        return fanout.subscribers();
    }

    /** Tells every subscriber this replica is going away, so they reconnect elsewhere from their last ack. */
    public void closeAll() {
        for (Subscription s : Set.copyOf(open)) {
            s.close(CloseCodes.GOING_AWAY, "the replica is shutting down; reconnect from your last acked offset");
        }
    }
}
