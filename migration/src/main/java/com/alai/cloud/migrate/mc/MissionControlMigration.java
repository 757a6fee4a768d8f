package com.alai.cloud.migrate.mc;

import com.alai.cloud.services.mc.TaskStatus;
import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Postgres;
import com.alai.cloud.migrate.Sqlite;
import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.generic.LegacySchema;
import com.alai.cloud.migrate.state.MigrationState;
import com.alai.cloud.migrate.verify.Verification;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * `alai-deploy migrate mc`: discover the legacy schema, load the task table and the comment tables (after a first run,
 * only their new and changed rows), copy every other table into the legacy schema, then verify each target against
 * its source row by row — all in one transaction that commits only when every table's verification is clean, and
 * records then what was verified for the next run and for `--reverse`.
 */
public final class MissionControlMigration {
    public static final List<String> COLUMNS = List.of("id", "title", "description", "status", "assignee", "tags", "priority",
            "created_at", "updated_at", "closed_at", "archived", "extra");

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
            if (dryRun) {
                var counts = new SourceCounts();
                source.forEach(id -> true, counts::add);
                return new MigrationReport(plan.tasks().table(), plan.tasks().describe(), counts.rows(), true, counts.open(), -1,
                        counts.legacy(), millis(start), 0, 0, false, null, tables(plan.taskReport(counts.rows()),
                        plan.commentReports(sqlite), plan.legacyReports(), plan.skipped()), plan.objects());
            }
            try (Connection pg = Postgres.connect(targetUrl)) {
                Loader.prepare(pg);
                pg.setAutoCommit(false);
                try {
                    var state = new MigrationState(pg);
                    say(start, "loading " + plan.tasks().table() + " from " + sqliteFile + " with COPY …");
                    var tasks = new TaskCopy(pg, source, line -> say(start, line));
                    tasks.load(state.rows(plan.tasks().table()));
                    SourceCounts counts = tasks.counts();
                    long loaded = millis(start);
                    say(start, String.format("%,d rows read, %,d new or changed carried; verifying …", counts.rows(), tasks.carried()));
                    Verification verification = tasks.verify();
                    var comments = new ArrayList<CommentCopy>();
                    var commentReports = new ArrayList<TableReport>();
                    CommentCopy.withoutForeignKey(pg, () -> {
                        for (CommentPlan comment : plan.comments()) {
                            say(start, "copying " + comment.kind() + " into task_comments …");
                            var copy = new CommentCopy(sqlite, pg, comment);
                            Verification proof = copy.run(state.rows(comment.kind()));
                            comments.add(copy);
                            commentReports.add(comment.report(copy.rows()).carrying(copy.carried()).verified(proof));
                        }
                        return null;
                    });
                    List<TableReport> legacy = new LegacySchema(sqlite, pg, McPlan.LEGACY_SCHEMA, line -> say(start, line))
                            .replace(plan.legacy(), plan.schema().entries());
                    List<TableReport> tables = tables(plan.taskReport(counts.rows()).carrying(tasks.carried()).verified(verification),
                            commentReports, legacy, plan.skipped());
                    boolean commit = verification.clean() && counts.open() == tasks.openInTarget()
                            && tables.stream().allMatch(t -> t.skipped() || t.clean());
                    if (commit) {
                        state.ensure();
                        state.record(plan.tasks().table(), "tasks", plan.tasks().mapping().json(), tasks.digests());
                        for (CommentCopy copy : comments) {
                            state.record(copy.plan().kind(), "task_comments", copy.plan().mapping().json(), copy.digests());
                        }
                        tasks.loader().advanceSequences(plan.comments().isEmpty() ? null : CommentPlan.primaryKind(plan.comments()));
                        pg.commit();
                    } else {
                        pg.rollback();
                    }
                    say(start, commit ? "verified and committed" : "differences found: rolled back, nothing was written");
                    return new MigrationReport(plan.tasks().table(), plan.tasks().describe(), counts.rows(), false, counts.open(),
                            tasks.openInTarget(), counts.legacy(), millis(start), loaded, millis(start) - loaded, commit, verification,
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

    static boolean open(String status) {
        return !TaskStatus.closed(status);
    }

    public static List<Object> values(TaskRow r) {
        return Arrays.asList(r.id(), r.title(), r.description(), r.status(), r.assignee(), r.tags(), r.priority(),
                r.createdAt(), r.updatedAt(), r.closedAt(), r.archived(), r.extra());
    }

    private void say(long start, String message) {
        progress.accept(String.format("[%6.1f s] %s", (System.nanoTime() - start) / 1e9, message));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
