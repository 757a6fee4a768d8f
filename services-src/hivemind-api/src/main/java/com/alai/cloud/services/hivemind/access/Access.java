package com.alai.cloud.services.hivemind.access;

import com.alai.cloud.services.common.auth.Principal;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.hivemind.bus.TopicCache;
import com.alai.cloud.services.hivemind.model.Acl;
import com.alai.cloud.services.hivemind.model.Topic;
import com.alai.cloud.services.hivemind.store.TopicStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The topic must exist and its ACL must admit the caller; the one place both are checked. */
public final class Access implements TopicCache {
    private final TopicStore topics;
    // Publishing is the hot path and a topic's ACLs never change while it exists (there is no update), so each
    // replica remembers them instead of asking the database on every publish; a deletion, announced to every
    // replica, makes them forget.
    private final Map<String, Acl> publishers = new ConcurrentHashMap<>();
    private static final Acl OPEN = new Acl("", List.of());

    public Access(TopicStore topics) {
        this.topics = topics;
    }

    @Override
    public void forget(String topic) {
        publishers.remove(topic);
    }

    @Override
    public void forgetAll() {
        publishers.clear();
    }

    /** The topic's name when the caller may publish to it. */
    public String toPublish(String topic, Principal caller) throws SQLException {
        Acl acl = publishers.get(topic);
        if (acl == null) {
            Topic t = topics.require(topic);
            acl = t.publishers() == null ? OPEN : t.publishers();
            publishers.putIfAbsent(topic, acl);
        }
        check(acl == OPEN ? null : acl, caller, "publish to", topic);
        return topic;
    }

    public Topic toSubscribe(String topic, Principal caller) throws SQLException {
        Topic t = topics.require(topic);
        check(t.subscribers(), caller, "read from", topic);
        return t;
    }

    private static void check(Acl acl, Principal caller, String action, String topic) {
        if (acl != null && !acl.permits(caller)) {
            throw ApiException.forbidden("only tokens whose claim " + acl.claim() + " holds one of " + acl.values()
                    + " may " + action + " topic " + topic);
        }
    }

    /** Parses an offset query parameter: a whole number >= 0, at most the topic's last offset. */
    public static long offset(String name, String value, Topic topic) {
        if (value == null || !value.matches("\\d{1,18}")) {
            throw ApiException.badRequest(name + " must be a whole number >= 0 (an offset), not '" + clip(value) + "'");
        }
        long offset = Long.parseLong(value);
        if (offset > topic.lastOffset()) {
            throw ApiException.badRequest(name + "=" + offset + " is beyond topic " + topic.name()
                    + "'s last offset " + topic.lastOffset());
        }
        return offset;
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        String plain = value.replaceAll("[^\\x20-\\x7e]", "?");
        return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
    }
}
