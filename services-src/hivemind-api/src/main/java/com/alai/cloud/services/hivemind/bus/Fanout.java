package com.alai.cloud.services.hivemind.bus;

import com.alai.cloud.services.hivemind.model.Message;
import com.alai.cloud.services.hivemind.store.MessageStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A replica's local fan-out: for each topic somebody on this replica subscribes to, it remembers the last offset it
 * fetched, reads newer messages once per notification batch, and hands them to every local subscriber.
 */
public final class Fanout {
    private static final int PAGE = 500;
    private final MessageStore store;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    private static final class Feed {
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        long fetched;

        Feed(long fetched) {
            this.fetched = fetched;
        }
    }

    public Fanout(MessageStore store) {
        this.store = store;
    }

    public void subscribe(Subscriber subscriber) throws SQLException {
        long last = store.lastOffset(subscriber.topic());
        feeds.compute(subscriber.topic(), (topic, feed) -> {
            Feed f = feed == null ? new Feed(last) : feed;
            f.subscribers.add(subscriber);
            return f;
        });
    }

    public void unsubscribe(Subscriber subscriber) {
        feeds.computeIfPresent(subscriber.topic(), (topic, feed) -> {
            feed.subscribers.remove(subscriber);
            return feed.subscribers.isEmpty() ? null : feed;
        });
    }

    public int subscribers() {
        return feeds.values().stream().mapToInt(f -> f.subscribers.size()).sum();
    }

    /** Topics have committed up to these offsets; fetch and deliver what is new. Runs on the listener thread. */
    void notified(Map<String, Long> upTo) throws SQLException {
        for (var entry : upTo.entrySet()) {
            Feed feed = feeds.get(entry.getKey());
            if (feed != null) {
                advance(entry.getKey(), feed, entry.getValue());
            }
        }
    }

    /** The topic is gone: its local subscribers are told, and its feed dropped. Runs on the listener thread. */
    void deleted(String topic) {
        Feed feed = feeds.remove(topic);
        if (feed != null) {
            feed.subscribers.forEach(Subscriber::deleted);
        }
    }

    /** After the listener (re)connects nothing is known about the gap: fetch everything newer, topic by topic. */
    void resync() throws SQLException {
        for (var entry : Map.copyOf(feeds).entrySet()) {
            advance(entry.getKey(), entry.getValue(), Long.MAX_VALUE);
        }
    }

    private void advance(String topic, Feed feed, long upTo) throws SQLException {
        synchronized (feed) {
            while (feed.fetched < upTo) {
                List<Message> batch = store.read(topic, feed.fetched, upTo, PAGE);
                if (batch.isEmpty()) {
                    return;
                }
                List<Frame> frames = batch.stream().map(Frame::of).toList();
                for (Subscriber subscriber : feed.subscribers) {
                    subscriber.deliver(frames);
                }
                feed.fetched = batch.get(batch.size() - 1).offset();
            }
        }
    }
}
