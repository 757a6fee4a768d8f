package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.verify.Verification;
import java.util.List;

/**
 * What `migrate mc --reverse` wrote back and proved. {@code committed} is false when any table's verification found a
 * difference (the file's transaction was rolled back; the backup is there either way).
 */
public record ReverseReport(String backup, List<TableResult> tables, boolean committed, long millis) {

    /**
     * One typed table: rows updated and inserted in the file; rows changed on both sides ({@code conflicts}, applied
     * only when {@code prefer} is POSTGRES); rows gone from PostgreSQL (left in the file); fields the file has no
     * column for.
     */
    public record TableResult(String table, long updated, long inserted, List<Long> conflicts, Prefer prefer,
                              long goneFromPostgres, List<String> unwritable, Verification verification) {
        public boolean clean() {
            return verification.clean();
        }
    }

    /** Clean, and no conflict left unresolved. */
    public boolean clean() {
        return committed && tables.stream().allMatch(t -> t.clean() && (t.conflicts().isEmpty() || t.prefer() != Prefer.NEITHER));
    }
}
