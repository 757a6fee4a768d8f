package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.Pipeline;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGStatement;

/** Reads `tasks` back as values in {@link MissionControlMigration#COLUMNS} order, streamed with a cursor. */
public final class TargetRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final List<String> COLUMNS = MissionControlMigration.COLUMNS;
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS.subList(0, COLUMNS.size() - 1)) + ", extra::text FROM tasks";

    private final Connection pg;

    /** {@code pg} must be in a transaction: the cursor lives as long as it. */
    public TargetRows(Connection pg) {
        this.pg = pg;
    }

    /** Rows with ids up to {@code maxId}, in id order. */
    public void forEach(long maxId, Pipeline.Sink<List<Object>> sink) throws Exception {
        try (PreparedStatement ps = pg.prepareStatement(SELECT + " WHERE id <= ? ORDER BY id")) {
            ps.setLong(1, maxId);
            read(ps, sink);
        }
    }

    Map<Long, List<Object>> byId(Set<Long> ids) throws Exception {
        var rows = new HashMap<Long, List<Object>>();
        try (PreparedStatement ps = pg.prepareStatement(SELECT + " WHERE id = ANY (?)")) {
            ps.setArray(1, pg.createArrayOf("bigint", ids.toArray()));
            read(ps, row -> rows.put((Long) row.get(0), row));
        }
        return rows;
    }

    private static void read(PreparedStatement ps, Pipeline.Sink<List<Object>> sink) throws Exception {
        // Binary results: timestamps and arrays arrive as numbers and lengths, not text the driver has to parse.
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        ps.setFetchSize(2_000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array tags = rs.getArray(6);
                sink.accept(Arrays.asList(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        tags == null ? List.of() : List.of((Object[]) tags.getArray()), rs.getObject(7),
                        instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getBoolean(11), extra(rs)));
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Map<String, Object> extra(ResultSet rs) throws SQLException {
        try {
            return JSON.readValue(rs.getString(12), MAP);
        } catch (IOException e) {
            throw new SQLException("extra of row " + rs.getLong(1) + " is not JSON");
        }
    }
}
