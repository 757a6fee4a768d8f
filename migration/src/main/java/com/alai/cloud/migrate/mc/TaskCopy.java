package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Pipeline;
import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Ledger;
import com.alai.cloud.migrate.verify.RowDigests;
import com.alai.cloud.migrate.verify.Verification;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The task table's part of a run, in the caller's transaction: stream every row through conversion (SQLite read on
 * its own thread) into COPY — only rows new or changed since the last verified run when there was one — then read
 * `tasks` back on a cursor and compare every row.
 */
final class TaskCopy {
    private static final int PROGRESS_EVERY = 100_000;

    private final Connection pg;
    private final SourceRows source;
    private final Consumer<String> progress;
    private final SourceCounts counts = new SourceCounts();
    private final Ledger ledger = new Ledger(MissionControlMigration.COLUMNS);
    private Loader loader;
    private long carried;
    private long openInTarget;

    TaskCopy(Connection pg, SourceRows source, Consumer<String> progress) {
        this.pg = pg;
        this.source = source;
        this.progress = progress;
    }

    /** Loads; {@code known} are the rows of the last verified run (ignored when `tasks` is empty). */
    void load(RowDigests known) throws Exception {
        loader = Loader.open(pg);
        RowDigests unchanged = loader.direct() ? RowDigests.NONE : known;
        try {
            Pipeline.<TaskRow>run("sqlite-reader", sink -> source.forEach(id -> true, row -> {
                counts.add(row);
                if (!unchanged.unchanged(row.id(), ledger.add(MissionControlMigration.values(row)))) {
                    sink.accept(row);
                }
                if (counts.rows() % PROGRESS_EVERY == 0) {
                    progress.accept(String.format("%,d rows read", counts.rows()));
                }
            }), row -> {
                carried++;
                loader.add(row);
            });
            loader.finish();
        } catch (Exception e) {
            loader.abandon();
            throw e;
        }
    }

    Verification verify() throws Exception {
        var target = new Ledger(MissionControlMigration.COLUMNS);
        Pipeline.<List<Object>>run("target-reader", sink -> new TargetRows(pg).forEach(counts.maxId(), sink), row -> {
            target.add(row);
            openInTarget += MissionControlMigration.open((String) row.get(3)) ? 1 : 0;
        });
        return Comparator.compare(ledger, target, this::sourceRows, this::targetRows);
    }

    SourceCounts counts() {
        return counts;
    }

    long carried() {
        return carried;
    }

    long openInTarget() {
        return openInTarget;
    }

    Loader loader() {
        return loader;
    }

    RowDigests digests() {
        return ledger.digests();
    }

    private Map<Long, List<Object>> sourceRows(Set<Long> ids) {
        var rows = new HashMap<Long, List<Object>>();
        try {
            source.forEach(ids::contains, row -> rows.put(row.id(), MissionControlMigration.values(row)));
        } catch (Exception e) {
            throw new MigrationException("re-reading the source rows that differ: " + e.getMessage(), e);
        }
        return rows;
    }

    private Map<Long, List<Object>> targetRows(Set<Long> ids) {
        try {
            return new TargetRows(pg).byId(ids);
        } catch (Exception e) {
            throw new MigrationException("reading the target rows that differ: " + e.getMessage(), e);
        }
    }
}
