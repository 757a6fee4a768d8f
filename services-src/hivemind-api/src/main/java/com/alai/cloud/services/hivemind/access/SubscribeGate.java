package com.alai.cloud.services.hivemind.access;

import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.auth.Principal;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Dispatcher;
import com.alai.cloud.services.hivemind.codec.Names;
import com.alai.cloud.services.hivemind.model.Topic;
import com.alai.cloud.services.hivemind.store.GroupStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a WebSocket subscribe may open: a valid token, a topic that exists and admits the caller, a sane
 * offset and group. The same checks answer a refused upgrade with a problem+json 4xx.
 */
public final class SubscribeGate {
    public static final String TEMPLATE = "/topics/{topic}/subscribe";
    private static final Pattern PATH = Pattern.compile("/topics/([^/]+)/subscribe");

    /** Where a subscription starts: every message with an offset above {@code after}. */
    public record Admission(Topic topic, long after, String group, Principal caller) {
    }

    private final JwtVerifier verifier;
    private final Access access;
    private final GroupStore groups;

    public SubscribeGate(JwtVerifier verifier, Access access, GroupStore groups) {
        this.verifier = verifier;
        this.access = access;
        this.groups = groups;
    }

    public Admission admit(String rawPath, String rawQuery, String authorization) throws SQLException {
        Matcher m = PATH.matcher(rawPath);
        if (!m.matches()) {
            throw ApiException.notFound("no resource at " + rawPath);
        }
        Principal caller = verifier.verify(authorization);
        String name;
        try {
            name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding in the path");
        }
        Map<String, List<String>> query = Dispatcher.query(rawQuery);
        for (String key : query.keySet()) {
            if (!key.equals("after") && !key.equals("group")) {
                throw ApiException.badRequest("unknown query parameter " + key + " (known: after, group)");
            }
        }
        Topic topic = access.toSubscribe(name, caller);
        String group = first(query, "group");
        if (group != null && !Names.GROUP.matcher(group).matches()) {
            throw ApiException.badRequest("group must be 1-128 of A-Z a-z 0-9 . _ - and start with a letter or digit");
        }
        String after = first(query, "after");
        long start;
        if (after != null) {
            start = Access.offset("after", after, topic);
        } else if (group != null) {
            start = groups.find(topic.name(), group).map(g -> g.committedOffset()).orElse(0L);
        } else {
            start = topic.lastOffset();
        }
        return new Admission(topic, start, group, caller);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
