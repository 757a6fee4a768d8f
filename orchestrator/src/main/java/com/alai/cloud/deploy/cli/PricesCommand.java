package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.policy.cost.PriceRefresher;
import com.alai.cloud.policy.cost.PriceTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `alai-deploy prices refresh`: rebuilds the committed price table from the Azure Retail Prices API. */
@Command(name = "prices", mixinStandardHelpOptions = true, description = "Price table commands.",
        subcommands = PricesCommand.Refresh.class)
public final class PricesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Queries the Azure Retail Prices API for every Azure price in the table and rewrites",
                    "policy/src/main/resources/prices/<region>.json with today's date. Needs the network; the committed",
                    "table stays the offline default."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy prices refresh", "  alai-deploy prices refresh --dry-run"})
    static final class Refresh implements Callable<Integer> {
        @Option(names = "--region", defaultValue = "swedencentral", description = "Region (default: ${DEFAULT-VALUE}).")
        String region;

        @Option(names = "--api-url", defaultValue = PriceRefresher.API, description = "Retail Prices API (default: ${DEFAULT-VALUE}).")
        String apiUrl;

        @Option(names = "--dry-run", description = "Print the new table instead of writing it.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://127.0.0.1") && !apiUrl.startsWith("http://localhost")) {
                throw new UsageException("--api-url must be https:// (plain http only to localhost)");
            }
            PriceTable current = PriceTable.load(region);
            var progress = Wiring.progress(spec);
            progress.accept("querying " + apiUrl + " for " + region + " …");
            String table = new PriceRefresher(apiUrl).refresh(current, LocalDate.now(), progress);
            if (dryRun) {
                spec.commandLine().getOut().println(table);
                return ExitCode.OK;
            }
            Path file = Project.locate().home().resolve("policy/src/main/resources/prices/" + region + ".json");
            Files.writeString(file, table + "\n", StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote " + file + " (commit it; `./alai-deploy plan --all` uses it after the next build)");
            return ExitCode.OK;
        }
    }
}
