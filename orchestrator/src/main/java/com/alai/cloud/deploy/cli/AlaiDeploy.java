package com.alai.cloud.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; subcommands are one class each. */
@Command(name = "alai-deploy",
        mixinStandardHelpOptions = true,
        version = "alai-deploy 0.1.0",
        description = "Moves ALAI's control plane off ANVIL onto Azure, one phase at a time.",
        subcommands = {PlanCommand.class, StatusCommand.class, UpCommand.class, RollbackCommand.class, MigrateCommand.class,
                LocalCommand.class, ValidateCommand.class, ImagesCommand.class, BackupCommand.class, SecretsCommand.class,
                PricesCommand.class, ConfigCommand.class,
                CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  alai-deploy plan dev-phase2          resources, policies and cost of phase 2, offline",
                "  alai-deploy plan --all --json        every stack, for CI",
                "  alai-deploy status                   last-known-good and validation of every phase",
                "  alai-deploy up dev-phase2            deploy phase 2 (needs the Pulumi CLI)",
                "  alai-deploy rollback dev-phase2      back to phase 2's last-known-good",
                "  alai-deploy local up dev-phase2 && alai-deploy validate dev-phase2 --local",
                "  alai-deploy migrate mc --from mission-control.db --to postgres://…/mission_control --dry-run",
                "  source <(alai-deploy generate-completion)   shell completion",
                "",
                "Exit codes: 0 ok, 1 a check failed (policy, validation, verification),",
                "            2 usage/config error or missing prerequisite, 3 a step failed."})
public final class AlaiDeploy implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns the exit code; every error becomes a one-line message and a documented code. */
    public static int run(String... args) {
        var cli = new CommandLine(new AlaiDeploy());
        cli.setUsageHelpWidth(110);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(ErrorHandler::onParameterError);
        return cli.execute(args);
    }
}
