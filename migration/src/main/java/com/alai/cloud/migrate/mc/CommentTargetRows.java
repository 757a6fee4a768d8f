package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.Pipeline;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads one kind of `task_comments` back as values in {@link CommentCopy#COLUMNS} order, in id order. */
public final class CommentTargetRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Connection pg;
    private final String kind;

    public CommentTargetRows(Connection pg, String kind) {
        this.pg = pg;
        this.kind = kind;
    }

    /** Rows with ids up to {@code maxId}, or only those in {@code ids} when it is not null. */
    public void forEach(long maxId, Long[] ids, Pipeline.Sink<List<Object>> sink) throws Exception {
        try (PreparedStatement ps = pg.prepareStatement("SELECT id, task_id, author, body, created_at, extra::text FROM task_comments"
                + " WHERE kind = ? AND id <= ?" + (ids == null ? "" : " AND id = ANY (?)") + " ORDER BY id")) {
            ps.setString(1, kind);
            ps.setLong(2, maxId);
            if (ids != null) {
                ps.setArray(3, pg.createArrayOf("bigint", ids));
            }
            // Binary results, as for tasks: timestamps arrive as numbers, not text to parse.
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long task = rs.getObject(2) == null ? null : rs.getLong(2);
                    OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
                    sink.accept(Arrays.asList(rs.getLong(1), task, rs.getString(3), rs.getString(4), at.toInstant(),
                            JSON.readValue(rs.getString(6), MAP)));
                }
            }
        }
    }
}
