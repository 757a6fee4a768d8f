package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.verify.Verification;

/**
 * What one `migrate mc` run did and proved. {@code loadMillis} runs from the start to the end of COPY and index
 * builds, {@code verifyMillis} from there to the decision; {@code committed} is false for a dry run and whenever
 * verification found a difference (the transaction was rolled back).
 */
public record MigrationReport(String table, String mapping, long rowsRead, boolean dryRun, long openInSource,
                              long openInTarget, long legacyValuesKept, long millis, long loadMillis, long verifyMillis,
                              boolean committed, Verification verification) {

    public boolean clean() {
        return dryRun || (verification != null && verification.clean() && openInSource == openInTarget);
    }
}
