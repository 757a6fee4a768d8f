package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.services.backup.BackupConfig;
import com.alai.cloud.services.backup.BlobStore;
import com.alai.cloud.services.backup.Dumper;
import com.alai.cloud.services.backup.Servers;
import com.alai.cloud.services.backup.Verifier;
import com.alai.cloud.services.backup.VerifyReport;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `alai-deploy backup run|verify`: the nightly dump on demand, and the proof that a dump restores. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        header = "Dump the databases to Blob storage, and prove a dump restores.",
        description = {"Logical backups of mission_control and hivemind in Blob storage. The store comes from",
                "AZURE_STORAGE_CONNECTION_STRING (Azurite, local) or --endpoint with the Azure identity; the database",
                "password from DATABASE_PASSWORD. Secrets are never taken as arguments."},
        subcommands = {BackupCommand.Run.class, BackupCommand.Verify.class})
public final class BackupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Store {
        @Option(names = "--endpoint", description = "Blob endpoint (https://ACCOUNT.blob.core.windows.net); default: AZURE_STORAGE_CONNECTION_STRING.")
        String endpoint;

        @Option(names = "--container", defaultValue = BackupConfig.DEFAULT_CONTAINER, description = "Container (default: ${DEFAULT-VALUE}).")
        String container;

        BlobStore open() {
            String cs = System.getenv("AZURE_STORAGE_CONNECTION_STRING");
            if (endpoint != null) {
                return BlobStore.withIdentity(endpoint, container, System.getenv("AZURE_CLIENT_ID"));
            }
            if (cs == null || cs.isBlank()) {
                throw new UsageException("set AZURE_STORAGE_CONNECTION_STRING or pass --endpoint");
            }
            return BlobStore.withConnectionString(cs, container);
        }
    }

    static String[] source(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new UsageException("--source must be jdbc:postgresql://host:5432/?user=… (the server, any database)");
        }
        return new String[] {Servers.base(url), Servers.query(url)};
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Dumps the databases now, exactly as the scheduled job does.",
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy backup run --source jdbc:postgresql://localhost:5432/?user=postgres"})
    static final class Run implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Store store;

        @Option(names = "--source", required = true, description = "jdbc:postgresql://host:port/?user=…")
        String source;

        @Option(names = "--databases", defaultValue = "mission_control,hivemind", split = ",")
        List<String> databases;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String[] server = source(source);
            var manifest = new Dumper(store.open(), Clock.systemUTC(), Wiring.progress(spec))
                    .dump(server[0], server[1], null, System.getenv("DATABASE_PASSWORD"), databases);
            spec.commandLine().getOut().println("backup " + manifest.prefix() + " written");
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Restores the newest backup (or --prefix) into scratch databases, checks every table's row count",
                    "and checksum against the manifest and a sample of rows against the live source, and reports source",
                    "tables the backup lacks. Exit 1 on any mismatch."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy backup verify --source jdbc:postgresql://localhost:5432/?user=postgres --sample 100"})
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Store store;

        @Option(names = "--source", required = true, description = "jdbc:postgresql://host:port/?user=…")
        String source;

        @Option(names = "--prefix", description = "The backup to verify (default: the newest).")
        String prefix;

        @Option(names = "--sample", defaultValue = "100", description = "Rows per table compared with the source (default: ${DEFAULT-VALUE}).")
        int sample;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (sample < 1 || sample > 100_000) {
                throw new UsageException("--sample must be 1..100000");
            }
            String[] server = source(source);
            var verifier = new Verifier(store.open(), Wiring.progress(spec));
            String which = prefix == null ? verifier.newest() : prefix;
            VerifyReport report = verifier.verify(server[0] , null, System.getenv("DATABASE_PASSWORD"), which, sample, server[1]);
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOut.pretty(report));
            } else {
                report.problems().forEach(p -> out.println("PROBLEM " + p));
                out.println(report.clean() ? "backup " + which + " VERIFIED: restores and matches" : "backup " + which + " FAILED verification");
            }
            return report.clean() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }
}
