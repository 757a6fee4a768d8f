package com.alai.cloud.migrate;

import com.alai.cloud.migrate.verify.Verification;
import java.util.List;
import java.util.Map;

/**
 * What happened to one source table: where it went, how each column was typed ({@code columns}: source column →
 * destination column or type), which columns went to jsonb {@code extra}, and the proof. {@code verification} is null
 * for a dry run and for a table left out with --skip.
 */
public record TableReport(String source, long rows, String destination, Map<String, String> columns,
                          List<String> inExtra, boolean skipped, long carried, Verification verification) {
    public static final String SKIPPED = "skipped (--skip)";

    public TableReport(String source, long rows, String destination, Map<String, String> columns, List<String> inExtra) {
        this(source, rows, destination, columns, inExtra, false, rows, null);
    }

    public static TableReport skipped(String source, long rows) {
        return new TableReport(source, rows, SKIPPED, Map.of(), List.of(), true, 0, null);
    }

    public TableReport verified(Verification proof) {
        return new TableReport(source, rows, destination, columns, inExtra, skipped, carried, proof);
    }

    /** {@code carried}: rows written this run — after a first run only the new and changed ones. */
    public TableReport carrying(long rowsCarried) {
        return new TableReport(source, rows, destination, columns, inExtra, skipped, rowsCarried, verification);
    }

    public boolean clean() {
        return verification != null && verification.clean();
    }
}
