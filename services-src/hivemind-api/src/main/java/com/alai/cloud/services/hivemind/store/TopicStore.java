package com.alai.cloud.services.hivemind.store;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.hivemind.model.Acl;
import com.alai.cloud.services.hivemind.model.NewTopic;
import com.alai.cloud.services.hivemind.model.Retention;
import com.alai.cloud.services.hivemind.model.Topic;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Topics: create once, read with where their log stands, delete with everything they hold. */
public final class TopicStore {
    private static final String SELECT = """
            SELECT t.name, extract(epoch FROM t.retention_max_age)::bigint AS max_age, t.retention_max_count,
                   t.publish_claim, t.publish_values, t.subscribe_claim, t.subscribe_values, t.created_at,
                   t.next_offset - 1 AS last_offset,
                   coalesce((SELECT min(m."offset") FROM messages m WHERE m.topic = t.name), t.next_offset) AS first_offset
            FROM topics t""";
    private final DataSource db;

    public TopicStore(DataSource db) {
        this.db = db;
    }

    public Topic create(NewTopic topic) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO topics (name, retention_max_age, retention_max_count, publish_claim, publish_values,
                                    subscribe_claim, subscribe_values)
                VALUES (?, ?::float8 * interval '1 second', ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")) {
            s.setString(1, topic.name());
            setLong(s, 2, topic.retention().maxAgeSeconds());
            setLong(s, 3, topic.retention().maxCount());
            setAcl(c, s, 4, topic.publishers());
            setAcl(c, s, 6, topic.subscribers());
            if (s.executeUpdate() == 0) {
                throw ApiException.conflict("topic " + topic.name() + " already exists");
            }
        }
        return find(topic.name()).orElseThrow();
    }

    /**
     * Deletes the topic, its messages and groups (ON DELETE CASCADE) and tells every replica on {@link
     * MessageStore#DELETED} as the statement commits, so their subscribers are closed and their ACL caches cleared.
     */
    public void delete(String name) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH gone AS (DELETE FROM topics WHERE name = ? RETURNING name) SELECT pg_notify(?, name) FROM gone""")) {
            s.setString(1, name);
            s.setString(2, MessageStore.DELETED);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("no topic " + name);
                }
            }
        }
    }

    public Optional<Topic> find(String name) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " WHERE t.name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(topic(rs)) : Optional.empty();
            }
        }
    }

    public Topic require(String name) throws SQLException {
        return find(name).orElseThrow(() -> ApiException.notFound("no topic " + name + "; create it with POST /topics"));
    }

    public List<Topic> list() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY t.name");
             ResultSet rs = s.executeQuery()) {
            var topics = new ArrayList<Topic>();
            while (rs.next()) {
                topics.add(topic(rs));
            }
            return topics;
        }
    }

    private static Topic topic(ResultSet rs) throws SQLException {
        return new Topic(rs.getString("name"),
                new Retention(getLong(rs, "max_age"), getLong(rs, "retention_max_count")),
                acl(rs, "publish_claim", "publish_values"), acl(rs, "subscribe_claim", "subscribe_values"),
                rs.getLong("first_offset"), rs.getLong("last_offset"), rs.getTimestamp("created_at").toInstant());
    }

    private static Acl acl(ResultSet rs, String claim, String values) throws SQLException {
        String name = rs.getString(claim);
        return name == null ? null : new Acl(name, List.of((String[]) rs.getArray(values).getArray()));
    }

    private static void setAcl(Connection c, PreparedStatement s, int index, Acl acl) throws SQLException {
        if (acl == null) {
            s.setNull(index, Types.VARCHAR);
            s.setNull(index + 1, Types.ARRAY);
            return;
        }
        s.setString(index, acl.claim());
        Array values = c.createArrayOf("text", acl.values().toArray());
        s.setArray(index + 1, values);
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
