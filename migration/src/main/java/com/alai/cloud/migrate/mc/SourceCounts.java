package com.alai.cloud.migrate.mc;

/** Running counts over the source rows as they stream past. */
final class SourceCounts {
    private long rows;
    private long open;
    private long legacy;
    private long maxId = Long.MIN_VALUE;

    void add(TaskRow row) {
        rows++;
        open += MissionControlMigration.open(row.status()) ? 1 : 0;
        for (String key : row.extra().keySet()) {
            legacy += key.startsWith(RowConverter.LEGACY) ? 1 : 0;
        }
        maxId = Math.max(maxId, row.id());
    }

    long rows() {
        return rows;
    }

    long open() {
        return open;
    }

    long legacy() {
        return legacy;
    }

    long maxId() {
        return maxId;
    }
}
