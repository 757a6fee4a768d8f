package com.alai.cloud.services.hivemind.store;

import com.alai.cloud.services.hivemind.model.ConsumerGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Consumer groups' committed offsets; a commit never moves a group backwards unless it asks to (a reset). */
public final class GroupStore {
    private final DataSource db;

    public GroupStore(DataSource db) {
        this.db = db;
    }

    public ConsumerGroup commit(String topic, String group, long offset, boolean allowBackwards) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO consumer_groups AS g (topic, name, committed_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, name) DO UPDATE
                SET committed_offset = CASE WHEN ? THEN excluded.committed_offset
                                            ELSE greatest(g.committed_offset, excluded.committed_offset) END,
                    updated_at = now()
                RETURNING committed_offset, updated_at""")) {
            s.setString(1, topic);
            s.setString(2, group);
            s.setLong(3, offset);
            s.setBoolean(4, allowBackwards);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ConsumerGroup(topic, group, rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
    }

    public Optional<ConsumerGroup> find(String topic, String group) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT committed_offset, updated_at FROM consumer_groups WHERE topic = ? AND name = ?")) {
            s.setString(1, topic);
            s.setString(2, group);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ConsumerGroup(topic, group, rs.getLong(1), rs.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        }
    }

    public List<ConsumerGroup> list(String topic) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, committed_offset, updated_at FROM consumer_groups WHERE topic = ? ORDER BY name")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                var groups = new ArrayList<ConsumerGroup>();
                while (rs.next()) {
                    groups.add(new ConsumerGroup(topic, rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
                }
                return groups;
            }
        }
    }
}
