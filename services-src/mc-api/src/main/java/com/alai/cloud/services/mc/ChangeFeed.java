package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.http.EventStream;
import java.io.IOException;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events of task changes. Each subscriber has a bounded queue; one that falls 1,000 events behind is
 * disconnected (it can re-list with updated_since) rather than holding memory without bound.
 */
final class ChangeFeed {
    static final int QUEUE = 1_000;
    private final Set<BlockingQueue<String>> subscribers = ConcurrentHashMap.newKeySet();

    /** What a change event says, rendered only when somebody listens. */
    @FunctionalInterface
    interface Event {
        String json() throws Exception;
    }

    void publish(Event event) throws Exception {
        if (subscribers.isEmpty()) {
            return;
        }
        String eventJson = event.json();
        for (BlockingQueue<String> queue : subscribers) {
            if (!queue.offer(eventJson)) {
                queue.clear();
                queue.offer("__overflow__");
            }
        }
    }

    void serve(EventStream stream) throws IOException, InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE + 1);
        subscribers.add(queue);
        try {
            stream.send("ready", null, Json.mapper().writeValueAsString(Map.of()));
            while (true) {
                String event = queue.poll(15, TimeUnit.SECONDS);
                if (event == null) {
                    stream.heartbeat();
                } else if (event.equals("__overflow__")) {
                    stream.send("overflow", null, Json.mapper().writeValueAsString(
                            Map.of("detail", "too slow; reconnect and re-list with updated_since")));
                    return;
                } else {
                    stream.send("task", null, event);
                }
            }
        } finally {
            subscribers.remove(queue);
        }
    }

    int subscribers() {
        return subscribers.size();
    }
}
