package com.alai.cloud.deploy.cli;

import com.alai.cloud.components.secrets.SecretNotFoundException;
import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.flow.CheckFailedException;
import com.alai.cloud.policy.graph.SynthesisException;
import com.alai.cloud.stacks.config.ConfigException;
import picocli.CommandLine;

/** The one place exceptions become exit codes and messages. No stack traces unless ALAI_DEBUG is set. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code = codeOf(e);
        cli.getErr().println("alai-deploy: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (System.getenv("ALAI_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return code;
    }

    static int codeOf(Throwable e) {
        return switch (e) {
            case UsageException u -> ExitCode.USAGE;
            case ConfigException c -> ExitCode.USAGE;
            case SecretNotFoundException s -> ExitCode.USAGE;
            case IllegalArgumentException i -> ExitCode.USAGE;
            case CheckFailedException c -> ExitCode.CHECK_FAILED;
            case com.alai.cloud.migrate.MigrationException m -> ExitCode.USAGE;
            case com.alai.cloud.images.ImageException i -> ExitCode.FAILED;
            case SynthesisException s -> ExitCode.FAILED;
            case IllegalStateException i -> ExitCode.FAILED;
            default -> ExitCode.FAILED;
        };
    }

    static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("alai-deploy: " + e.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.USAGE;
    }
}
