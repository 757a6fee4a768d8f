package com.alai.cloud.services.hivemind.store;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.hivemind.model.Message;
import com.alai.cloud.services.hivemind.model.NewMessage;
import com.alai.cloud.services.hivemind.model.Published;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The per-topic log. Publishing takes the topic row's lock until commit, so offsets are gap-free and every offset
 * below a committed one is committed too: a reader that sees offset N can trust it has seen 1..N.
 */
public final class MessageStore {
    /** The channel every replica LISTENs on; a notification carries "topic:offset" and never the payload. */
    public static final String CHANNEL = "hivemind";
    /** The channel a deleted topic's name is announced on. */
    public static final String DELETED = "hivemind_deleted";
    private static final String UNTRANSLATABLE = "22P05";
    private final DataSource db;

    public MessageStore(DataSource db) {
        this.db = db;
    }

    public Published publish(String topic, NewMessage message) throws SQLException {
        try {
            return message.idempotencyKey() == null ? publishOnce(topic, message) : publishKeyed(topic, message);
        } catch (SQLException e) {
            if (UNTRANSLATABLE.equals(e.getSQLState())) {
                throw ApiException.badRequest("the payload or headers hold a character PostgreSQL cannot store (\\u0000)");
            }
            throw e;
        }
    }

    /**
     * Without an idempotency key: one statement, one round trip. The UPDATE takes the topic row's lock and hands out
     * the offset; if the INSERT fails the statement rolls back whole, so no offset is lost.
     */
    private Published publishOnce(String topic, NewMessage message) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH advanced AS (
                    UPDATE topics SET next_offset = next_offset + 1 WHERE name = ? RETURNING next_offset - 1 AS taken),
                stored AS (
                    INSERT INTO messages (topic, "offset", producer, headers, payload)
                    SELECT ?, taken, ?, ?::jsonb, ?::jsonb FROM advanced RETURNING "offset")
                SELECT "offset", pg_notify(?, ? || ':' || "offset") FROM stored""")) {
            s.setString(1, topic);
            s.setString(2, topic);
            s.setString(3, message.producer());
            s.setString(4, message.headersJson());
            s.setString(5, message.payloadJson());
            s.setString(6, CHANNEL);
            s.setString(7, topic);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("no topic " + topic + "; create it with POST /topics");
                }
                return new Published(topic, rs.getLong(1), false);
            }
        }
    }

    // The pool restores auto-commit when the connection goes back. A rollback on a connection the server dropped
    // fails too; the first error (SQLSTATE 08…, a 503) is the one that says what happened.
    private Published publishKeyed(String topic, NewMessage message) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Published published = publish(c, topic, message);
                c.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException alsoBroken) {
                    e.addSuppressed(alsoBroken);
                }
                throw e;
            }
        }
    }

    private static Published publish(Connection c, String topic, NewMessage message) throws SQLException {
        long next;
        try (PreparedStatement s = c.prepareStatement("SELECT next_offset FROM topics WHERE name = ? FOR UPDATE")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("no topic " + topic + "; create it with POST /topics");
                }
                next = rs.getLong(1);
            }
        }
        if (message.idempotencyKey() != null) {
            Long earlier = earlier(c, topic, message);
            if (earlier != null) {
                return new Published(topic, earlier, true);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                WITH stored AS (
                    INSERT INTO messages (topic, "offset", producer, idempotency_key, headers, payload)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)),
                advanced AS (UPDATE topics SET next_offset = next_offset + 1 WHERE name = ?)
                SELECT pg_notify(?, ?)""")) {
            s.setString(1, topic);
            s.setLong(2, next);
            s.setString(3, message.producer());
            s.setString(4, message.idempotencyKey());
            s.setString(5, message.headersJson());
            s.setString(6, message.payloadJson());
            s.setString(7, topic);
            s.setString(8, CHANNEL);
            s.setString(9, topic + ":" + next);
            s.execute();
        }
        return new Published(topic, next, false);
    }

    // The topic lock is held, so no concurrent publish can slip the same key in between this check and the insert.
    private static Long earlier(Connection c, String topic, NewMessage message) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT "offset", payload = ?::jsonb AND headers = ?::jsonb AND producer = ?
                FROM messages WHERE topic = ? AND idempotency_key = ?""")) {
            s.setString(1, message.payloadJson());
            s.setString(2, message.headersJson());
            s.setString(3, message.producer());
            s.setString(4, topic);
            s.setString(5, message.idempotencyKey());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!rs.getBoolean(2)) {
                    throw ApiException.conflict("idempotency key " + message.idempotencyKey() + " was used for offset "
                            + rs.getLong(1) + " with a different message; use a new key for a new message");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Messages with offsets in (after, upTo], in offset order, at most {@code limit}. */
    public List<Message> read(String topic, long after, long upTo, int limit) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT "offset", producer, headers::text, payload::text, created_at FROM messages
                WHERE topic = ? AND "offset" > ? AND "offset" <= ? ORDER BY "offset" LIMIT ?""")) {
            s.setString(1, topic);
            s.setLong(2, after);
            s.setLong(3, upTo);
            s.setInt(4, limit);
            try (ResultSet rs = s.executeQuery()) {
                var messages = new ArrayList<Message>();
                while (rs.next()) {
                    messages.add(new Message(topic, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
                return messages;
            }
        }
    }

    public List<Message> read(String topic, long after, int limit) throws SQLException {
        return read(topic, after, Long.MAX_VALUE, limit);
    }

    /** The highest committed offset of a topic (0 before the first message). */
    public long lastOffset(String topic) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT next_offset - 1 FROM topics WHERE name = ?")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
