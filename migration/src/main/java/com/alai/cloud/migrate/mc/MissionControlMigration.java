package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Pipeline;
import com.alai.cloud.migrate.Postgres;
import com.alai.cloud.migrate.Sqlite;
import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.generic.LegacySchema;
import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Ledger;
import com.alai.cloud.migrate.verify.Verification;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * `alai-deploy migrate mc`: discover the legacy schema, stream every task row through conversion into COPY, copy every
 * other table into the legacy schema, then verify each target against its source row by row — all in one
 * transaction that commits only when every table's verification is clean.
 */
public final class MissionControlMigration {
    static final List<String> COLUMNS = List.of("id", "title", "description", "status", "assignee", "tags", "priority",
            "created_at", "updated_at", "closed_at", "archived", "extra");
    private static final int PROGRESS_EVERY = 100_000;

    private final Consumer<String> progress;

    public MissionControlMigration(Consumer<String> progress) {
        this.progress = progress;
    }

    public MigrationReport run(Path sqliteFile, String targetUrl, String table, boolean dryRun) {
        return run(sqliteFile, targetUrl, table, Set.of(), dryRun);
    }

    /** {@code skip}: tables to leave out; every other table of the file is copied and verified. */
    public MigrationReport run(Path sqliteFile, String targetUrl, String table, Set<String> skip, boolean dryRun) {
        long start = System.nanoTime();
        try (Connection sqlite = Sqlite.open(sqliteFile)) {
            McPlan plan = McPlan.discover(sqlite, table, skip);
            var source = new SourceRows(sqlite, plan.tasks(), plan.taskRowid());
            var counts = new SourceCounts();
            if (dryRun) {
                source.forEach(id -> true, counts::add);
                return new MigrationReport(plan.tasks().table(), plan.tasks().describe(), counts.rows(), true, counts.open(), -1,
                        counts.legacy(), millis(start), 0, 0, false, null, tables(plan.taskReport(counts.rows()),
                        plan.commentReports(sqlite), plan.legacyReports(), plan.skipped()), plan.objects());
            }
            try (Connection pg = Postgres.connect(targetUrl)) {
                Loader.prepare(pg);
                pg.setAutoCommit(false);
                try {
                    var ledger = new Ledger(COLUMNS);
                    say(start, "loading " + plan.tasks().table() + " from " + sqliteFile + " with COPY …");
                    Loader loader = load(pg, source, row -> ledger.add(values(row)), row -> {
                        counts.add(row);
                        if (counts.rows() % PROGRESS_EVERY == 0) {
                            say(start, String.format("%,d rows loaded", counts.rows()));
                        }
                    });
                    long loaded = millis(start);
                    say(start, String.format("%,d rows loaded; verifying …", counts.rows()));
                    var target = new Ledger(COLUMNS);
                    long[] openTarget = {0};
                    Pipeline.<List<Object>>run("target-reader", sink -> new TargetRows(pg).forEach(counts.maxId(), sink), row -> {
                        target.add(row);
                        openTarget[0] += open((String) row.get(3)) ? 1 : 0;
                    });
                    Verification verification = Comparator.compare(ledger, target, ids -> sourceRows(source, ids),
                            ids -> targetRows(pg, ids));
                    var comments = new ArrayList<TableReport>();
                    for (CommentPlan comment : plan.comments()) {
                        say(start, "copying " + comment.kind() + " into task_comments …");
                        var copy = new CommentCopy(sqlite, pg, comment);
                        Verification proof = copy.run();
                        comments.add(comment.report(copy.rows()).verified(proof));
                    }
                    List<TableReport> legacy = new LegacySchema(sqlite, pg, McPlan.LEGACY_SCHEMA, line -> say(start, line))
                            .replace(plan.legacy(), plan.schema().entries());
                    List<TableReport> tables = tables(plan.taskReport(counts.rows()).verified(verification), comments, legacy,
                            plan.skipped());
                    boolean commit = verification.clean() && counts.open() == openTarget[0]
                            && tables.stream().allMatch(t -> t.skipped() || t.clean());
                    if (commit) {
                        loader.advanceSequences(plan.comments().isEmpty() ? null : CommentPlan.primaryKind(plan.comments()));
                        pg.commit();
                    } else {
                        pg.rollback();
                    }
                    say(start, commit ? "verified and committed" : "differences found: rolled back, nothing was written");
                    return new MigrationReport(plan.tasks().table(), plan.tasks().describe(), counts.rows(), false, counts.open(),
                            openTarget[0], counts.legacy(), millis(start), loaded, millis(start) - loaded, commit, verification,
                            tables, plan.objects());
                } catch (Exception e) {
                    pg.rollback();
                    throw new MigrationException("load failed and was rolled back: " + e.getMessage(), e);
                }
            }
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException("migration failed: " + e.getMessage(), e);
        }
    }

    private static List<TableReport> tables(TableReport tasks, List<TableReport> comments, List<TableReport> legacy,
                                            List<TableReport> skipped) {
        var tables = new ArrayList<TableReport>();
        tables.add(tasks);
        tables.addAll(comments);
        tables.addAll(legacy);
        tables.addAll(skipped);
        return List.copyOf(tables);
    }

    /** {@code read} sees each row on the reading thread, {@code written} on the writing one. */
    private static Loader load(Connection pg, SourceRows source, Consumer<TaskRow> read, Consumer<TaskRow> written) throws Exception {
        Loader loader = Loader.open(pg);
        try {
            Pipeline.<TaskRow>run("sqlite-reader", sink -> source.forEach(id -> true, row -> {
                read.accept(row);
                sink.accept(row);
            }), row -> {
                written.accept(row);
                loader.add(row);
            });
            loader.finish();
            return loader;
        } catch (Exception e) {
            loader.abandon();
            throw e;
        }
    }

    static boolean open(String status) {
        return !"done".equals(status) && !"cancelled".equals(status);
    }

    static List<Object> values(TaskRow r) {
        return Arrays.asList(r.id(), r.title(), r.description(), r.status(), r.assignee(), r.tags(), r.priority(),
                r.createdAt(), r.updatedAt(), r.closedAt(), r.archived(), r.extra());
    }

    private static Map<Long, List<Object>> sourceRows(SourceRows source, Set<Long> ids) {
        var rows = new HashMap<Long, List<Object>>();
        try {
            source.forEach(ids::contains, row -> rows.put(row.id(), values(row)));
        } catch (Exception e) {
            throw new MigrationException("re-reading the source rows that differ: " + e.getMessage(), e);
        }
        return rows;
    }

    private static Map<Long, List<Object>> targetRows(Connection pg, Set<Long> ids) {
        try {
            return new TargetRows(pg).byId(ids);
        } catch (Exception e) {
            throw new MigrationException("reading the target rows that differ: " + e.getMessage(), e);
        }
    }

    private void say(long start, String message) {
        progress.accept(String.format("[%6.1f s] %s", (System.nanoTime() - start) / 1e9, message));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
