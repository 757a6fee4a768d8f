package com.alai.cloud.services.mc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The task statuses and which of them are closed: the one home of both, for the API, its SQL (passed as a text[]
 * parameter, never spelled in a query) and the migration. "Open" means any status not closed.
 */
public final class TaskStatus {
    public static final List<String> ALL = List.of("open", "in_progress", "blocked", "review", "done", "cancelled");
    public static final List<String> CLOSED = List.of("done", "cancelled");

    private TaskStatus() {
    }

    public static boolean known(String status) {
        return ALL.contains(status);
    }

    public static boolean closed(String status) {
        return CLOSED.contains(status);
    }

    /** The closed set as a SQL parameter: {@code status <> ALL(?)} is open, {@code ? = ANY(?)} is closed. */
    static Array closedParameter(Connection c) throws SQLException {
        return c.createArrayOf("text", CLOSED.toArray());
    }
}
