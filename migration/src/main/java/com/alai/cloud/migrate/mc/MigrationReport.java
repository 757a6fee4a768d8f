package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.schema.SqliteObject;
import com.alai.cloud.migrate.verify.Verification;
import java.util.List;

/**
 * What one `migrate mc` run did and proved. The top-level fields are the task table's; {@code tables} lists every
 * table of the file (the task table first) with its destination and proof, and {@code objects} the views, triggers and
 * indexes. {@code loadMillis} runs from the start to the end of COPY and index builds, {@code verifyMillis} from there
 * to the decision; {@code committed} is false for a dry run and whenever verification found a difference in any
 * table (the transaction was rolled back).
 */
public record MigrationReport(String table, String mapping, long rowsRead, boolean dryRun, long openInSource,
                              long openInTarget, long legacyValuesKept, long millis, long loadMillis, long verifyMillis,
                              boolean committed, Verification verification, List<TableReport> tables,
                              List<SqliteObject> objects) {

    /** The report of the source table called {@code name}. */
    public TableReport table(String name) {
        return tables.stream().filter(t -> t.source().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in the report"));
    }

    public boolean clean() {
        return dryRun || (verification != null && verification.clean() && openInSource == openInTarget
                && tables.stream().allMatch(t -> t.skipped() || t.clean()));
    }
}
