package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.verify.Verification;

/** What one `migrate mc` run did and proved. */
public record MigrationReport(String table, String mapping, long rowsRead, boolean dryRun, long openInSource,
                              long openInTarget, long legacyValuesKept, long millis, Verification verification) {

    public boolean clean() {
        return dryRun || (verification != null && verification.clean() && openInSource == openInTarget);
    }
}
