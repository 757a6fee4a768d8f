package com.alai.cloud.services.router.usage;

import java.sql.SQLException;
import javax.sql.DataSource;

/** The metered fallback's tokens in PostgreSQL: one row a request, summed per UTC month (the cap's unit). */
public final class Ledger {
    private final DataSource db;

    public Ledger(DataSource db) {
        this.db = db;
    }

    public void record(String backend, String model, Tokens tokens, String requestId) throws SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement("INSERT INTO fallback_usage "
                + "(backend, model, prompt_tokens, completion_tokens, request_id) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, backend);
            s.setString(2, model);
            s.setLong(3, tokens.prompt());
            s.setLong(4, tokens.completion());
            s.setString(5, requestId);
            s.executeUpdate();
        }
    }

    /** This UTC month's tokens so far, over every metered backend. */
    public Tokens monthToDate() throws SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement("SELECT coalesce(sum(prompt_tokens), 0), "
                + "coalesce(sum(completion_tokens), 0) FROM fallback_usage "
                + "WHERE month = date_trunc('month', now() AT TIME ZONE 'UTC')::date");
             var rs = s.executeQuery()) {
            rs.next();
            return new Tokens(rs.getLong(1), rs.getLong(2));
        }
    }
}
