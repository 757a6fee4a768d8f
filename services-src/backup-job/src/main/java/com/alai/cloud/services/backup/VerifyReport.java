package com.alai.cloud.services.backup;

import java.util.List;

/** The result of restoring a backup into scratch databases and comparing it with its manifest and its source. */
public record VerifyReport(String prefix, List<TableCheck> tables, List<String> problems) {

    public record TableCheck(String database, String table, long rowsInManifest, long rowsRestored, boolean checksumMatches,
                             int sampleRows, boolean sampleMatches, String message) {
        public boolean ok() {
            return rowsInManifest == rowsRestored && checksumMatches && sampleMatches && message.isEmpty();
        }
    }

    public boolean clean() {
        return problems.isEmpty() && !tables.isEmpty() && tables.stream().allMatch(TableCheck::ok);
    }
}
