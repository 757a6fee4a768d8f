package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Postgres;
import com.alai.cloud.migrate.Sqlite;
import com.alai.cloud.migrate.mc.ColumnPlan;
import com.alai.cloud.migrate.mc.CommentPlan;
import com.alai.cloud.migrate.schema.SqliteSchema;
import com.alai.cloud.migrate.schema.SqliteTable;
import com.alai.cloud.migrate.state.MigrationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Consumer;

/**
 * `alai-deploy migrate mc --reverse`: the way back from PostgreSQL to ANVIL's file. Tasks and comments created or
 * changed in PostgreSQL since the migration are written into the file in its own schema and formats, through the
 * mapping the migration recorded, in one SQLite transaction after a backup copy of the file, and verified like the
 * migration before it commits. PostgreSQL is only read, in one snapshot.
 */
public final class ReverseMigration {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Consumer<String> progress;
    private final Clock clock;

    public ReverseMigration(Consumer<String> progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    public ReverseReport run(String sourceUrl, Path file, Prefer prefer) {
        long start = System.nanoTime();
        Sqlite.check(file);
        try (Connection pg = Postgres.connect(sourceUrl)) {
            pg.setAutoCommit(false);
            try (Statement s = pg.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            var state = new MigrationState(pg);
            Map<String, String> recorded = state.tables();
            String taskTable = recorded.entrySet().stream().filter(e -> e.getValue().equals("tasks")).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new MigrationException("--from holds no recorded `migrate mc` run"
                            + " (no " + MigrationState.SCHEMA + ".tables); there is nothing to reverse"));
            Path backup = backup(file);
            progress.accept("backed up " + file + " to " + backup);
            try (Connection sqlite = Sqlite.openForWriting(file)) {
                var results = new ArrayList<ReverseReport.TableResult>();
                try {
                    SqliteSchema schema = SqliteSchema.read(sqlite);
                    SqliteTable tasks = table(schema, taskTable);
                    ColumnPlan plan = ColumnPlan.discover(sqlite, taskTable);
                    sameMapping(taskTable, plan.mapping().json(), state.mapping(taskTable));
                    progress.accept("writing back " + taskTable + " …");
                    results.add(new WriteBack(sqlite, new TaskSide(sqlite, pg, plan, tasks.withoutRowid() ? "NULL" : tasks.rowidAlias()),
                            state.rows(taskTable), prefer).run());
                    for (var entry : recorded.entrySet()) {
                        if (!entry.getValue().equals("task_comments")) {
                            continue;
                        }
                        CommentPlan comments = CommentPlan.recognise(sqlite, table(schema, entry.getKey()), taskTable)
                                .orElseThrow(() -> new MigrationException("table " + entry.getKey() + " no longer looks like comments of tasks"));
                        sameMapping(entry.getKey(), comments.mapping().json(), state.mapping(entry.getKey()));
                        progress.accept("writing back " + entry.getKey() + " …");
                        var side = new CommentSide(sqlite, pg, comments, taskIds(pg));
                        results.add(new WriteBack(sqlite, side, state.rows(entry.getKey()), prefer).run());
                    }
                    boolean commit = results.stream().allMatch(ReverseReport.TableResult::clean);
                    if (commit) {
                        sqlite.commit();
                    } else {
                        sqlite.rollback();
                    }
                    progress.accept(commit ? "verified and committed" : "differences found: rolled back, the file is as it was");
                    return new ReverseReport(backup.toString(), results, commit, (System.nanoTime() - start) / 1_000_000);
                } catch (Exception e) {
                    sqlite.rollback();
                    throw e;
                }
            }
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException("reverse failed and was rolled back (the file is as it was): " + e.getMessage(), e);
        }
    }

    /** Every task id in PostgreSQL: a comment refers to a task when its task is among them, as at migration time. */
    private static java.util.Set<Long> taskIds(Connection pg) throws Exception {
        var ids = new java.util.HashSet<Long>();
        try (Statement s = pg.createStatement(); var rs = s.executeQuery("SELECT id FROM tasks")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** SQLite's online backup: a consistent copy even of a WAL-mode file in use. */
    private Path backup(Path file) throws Exception {
        Path backup = file.resolveSibling(file.getFileName() + ".before-reverse-" + STAMP.format(clock.instant()));
        if (Files.exists(backup)) {
            throw new MigrationException("backup " + backup + " already exists; wait a second and run again");
        }
        try (Connection c = Sqlite.open(file); Statement s = c.createStatement()) {
            s.executeUpdate("backup to " + backup.toAbsolutePath());
        }
        return backup;
    }

    private static SqliteTable table(SqliteSchema schema, String name) {
        SqliteTable table = schema.table(name);
        if (table == null) {
            throw new MigrationException("the file has no table " + name + ", which the migration copied; is --to the migrated file?");
        }
        return table;
    }

    private static void sameMapping(String table, String now, String recorded) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        if (recorded == null || !json.readTree(now).equals(json.readTree(recorded))) {
            throw new MigrationException("table " + table + " has other columns than when it was migrated (" + recorded
                    + "); it cannot be written back safely");
        }
    }
}
