package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.hivemind.GenericCopy;
import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.reverse.Prefer;
import com.alai.cloud.migrate.reverse.ReverseMigration;
import com.alai.cloud.migrate.reverse.ReverseReport;
import com.alai.cloud.migrate.sample.SampleHivemindDb;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `alai-deploy migrate mc|hivemind|sample`: ANVIL's SQLite files into PostgreSQL, with proof. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Moves ANVIL's SQLite databases into PostgreSQL and proves nothing was lost.",
        subcommands = {MigrateCommand.Mc.class, MigrateCommand.Hivemind.class, MigrateCommand.Sample.class})
public final class MigrateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "mc", mixinStandardHelpOptions = true,
            description = {"Copies every table of mission-control.db. The task table goes into mc-api's `tasks`: known columns",
                    "to typed ones (dates as ISO text, SQLite datetime, epoch s or ms; booleans in any spelling), everything",
                    "else in jsonb `extra`. Every other table goes, value-typed, into the legacy_mission_control schema, beside",
                    "the SQL of the file's views, triggers and indexes. Loads with COPY and verifies every table (counts,",
                    "per-column aggregates, an ordered row hash and every row) in one transaction that commits only when all",
                    "of it matches. A re-run carries only rows new or changed since the last verified run. A table is left",
                    "out only with --skip. Exit 1 on any difference, with nothing written.",
                    "--reverse is the way back: tasks and comments created or changed in PostgreSQL since the migration are",
                    "written into the file in ANVIL's own columns and formats, in one SQLite transaction after a backup copy,",
                    "and verified the same way. A row changed on both sides is reported and left alone unless --prefer."},
            footerHeading = "%nExamples:%n",
            footer = {"  alai-deploy migrate mc --from ~/system/mission-control.db --to postgres://alaiadmin@psql-…:5432/mission_control --dry-run",
                    "  alai-deploy migrate mc --reverse --from postgres://alaiadmin@psql-…:5432/mission_control --to ~/system/mission-control.db",
                    "  PGPASSWORD is not read: put the password in the URL from a secret, e.g. --to \"$(bw get …)\""})
    static final class Mc implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "FILE|URL",
                description = "The SQLite file (mission-control.db); with --reverse, the PostgreSQL URL.")
        String from;

        @Option(names = "--to", paramLabel = "URL|FILE",
                description = "postgres://user:pass@host:port/mission_control (not needed with --dry-run); with --reverse, the SQLite file.")
        String to;

        @Option(names = "--reverse", description = "Write what PostgreSQL created or changed since the migration back into the file.")
        boolean reverse;

        @Option(names = "--prefer", paramLabel = "SIDE", description = "With --reverse: which side wins a row changed on both (sqlite, postgres).")
        String prefer;

        @Option(names = "--table", description = "The task table, when it is not tasks/task/mc_tasks.")
        String table;

        @Option(names = "--skip", paramLabel = "TABLE", description = "Leave this table out (repeatable); the report says so.")
        Set<String> skip = new LinkedHashSet<>();

        @Option(names = "--dry-run", description = "Print every table's destination, column mapping and counts; write nothing.")
        boolean dryRun;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (reverse) {
                return reverse();
            }
            if (prefer != null) {
                throw new UsageException("--prefer goes with --reverse");
            }
            MigrationReport report = new MissionControlMigration(Wiring.progress(spec)).run(Path.of(from), to, table, skip, dryRun);
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOut.pretty(report));
            } else {
                out.print(report.mapping());
                TableLines.print(out, report.tables(), report.objects());
                out.printf("rows read %,d   open tasks in source %,d%n", report.rowsRead(), report.openInSource());
                out.printf("values kept in extra because a typed column could not hold them exactly: %,d%n", report.legacyValuesKept());
                if (!report.dryRun()) {
                    var v = report.verification();
                    out.printf("open tasks in target %,d%n", report.openInTarget());
                    out.printf("rows: source %,d target %,d   hash: %s … %s   aggregates %s   rows differing %,d%n",
                            v.sourceRows(), v.targetRows(), v.sourceHash().substring(0, 16), v.targetHash().substring(0, 16),
                            v.sourceAggregates().equals(v.targetAggregates()) ? "equal" : "DIFFER", v.rowsDiffering());
                    v.differences().forEach(d -> out.println("  " + d));
                    out.printf("%s in %,d ms (load %,d ms, verification %,d ms)%n", report.committed() ? "VERIFIED: nothing lost; committed"
                            : "VERIFICATION FAILED: rolled back, nothing was written", report.millis(), report.loadMillis(), report.verifyMillis());
                }
            }
            return report.clean() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }

        private Integer reverse() {
            if (to == null || dryRun || table != null || !skip.isEmpty()) {
                throw new UsageException("--reverse takes --from URL --to FILE [--prefer sqlite|postgres] [--json], nothing else");
            }
            Prefer side = switch (prefer == null ? "" : prefer) {
                case "" -> Prefer.NEITHER;
                case "sqlite" -> Prefer.SQLITE;
                case "postgres" -> Prefer.POSTGRES;
                default -> throw new UsageException("--prefer must be sqlite or postgres, not '" + prefer + "'");
            };
            ReverseReport report = new ReverseMigration(Wiring.progress(spec), Clock.systemUTC()).run(from, Path.of(to), side);
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOut.pretty(report));
            } else {
                ReverseLines.print(out, report);
            }
            return report.clean() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    @Command(name = "hivemind", mixinStandardHelpOptions = true,
            description = {"Copies every table of hivemind.db into its own schema (default legacy_hivemind), typed by content,",
                    "in one transaction (re-runnable), and verifies every table row by row. Exit 1 on any difference."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy migrate hivemind --from hivemind.db --to postgres://…/hivemind"})
    static final class Hivemind implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "FILE")
        Path from;

        @Option(names = "--to", paramLabel = "URL")
        String to;

        @Option(names = "--schema", defaultValue = "legacy_hivemind", description = "Target schema (default: ${DEFAULT-VALUE}).")
        String schema;

        @Option(names = "--dry-run", description = "Print the tables and column types; write nothing.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<TableReport> results = new GenericCopy(Wiring.progress(spec)).run(from, to, schema, dryRun);
            TableLines.print(spec.commandLine().getOut(), results, List.of());
            return dryRun || results.stream().allMatch(TableReport::clean) ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Writes a realistic, hostile sample mission-control.db (and hivemind.db) for tests and `local up`.",
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy migrate sample --out /tmp/mission-control.db --tasks 1000000"})
    static final class Sample implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Option(names = "--tasks", defaultValue = "8378", description = "Tasks (default: ${DEFAULT-VALUE}).")
        int tasks;

        @Option(names = "--open", defaultValue = "127", description = "Open tasks (default: ${DEFAULT-VALUE}).")
        int open;

        @Option(names = "--seed", defaultValue = "42")
        long seed;

        @Option(names = "--hivemind", paramLabel = "FILE", description = "Also write a sample hivemind.db here.")
        Path hivemind;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (tasks < 1 || tasks > 50_000_000 || open < 0 || open > tasks) {
                throw new com.alai.cloud.deploy.UsageException("--tasks must be 1..50,000,000 and --open 0..tasks");
            }
            SampleMissionControlDb.write(out, tasks, open, seed);
            if (hivemind != null) {
                SampleHivemindDb.write(hivemind, 2_000, seed);
            }
            spec.commandLine().getOut().printf("wrote %s (%,d tasks, %,d open)%n", out, tasks, open);
            return ExitCode.OK;
        }
    }
}
