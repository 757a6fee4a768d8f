package com.alai.cloud.migrate.verify;

import java.util.List;
import java.util.Map;

/**
 * The proof a migration lost nothing: counts, per-column aggregates and an ordered hash on both sides, and every row
 * compared; {@code differences} lists the first mismatches.
 */
public record Verification(long sourceRows, long targetRows, String sourceHash, String targetHash,
                           Map<String, String> sourceAggregates, Map<String, String> targetAggregates,
                           long rowsCompared, long rowsDiffering, List<String> differences) {

    public boolean clean() {
        return sourceRows == targetRows && sourceHash.equals(targetHash) && sourceAggregates.equals(targetAggregates)
                && rowsDiffering == 0;
    }
}
