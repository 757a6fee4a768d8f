package com.alai.cloud.client.cli;

import com.alai.cloud.client.auth.Browser;
import com.alai.cloud.client.config.Environment;
import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.error.Exit;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** `alai`: exit codes in one place (see {@link Exit}), errors as one line saying what to do. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        var out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        var err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Environment env = Environment.system();
        System.exit(run(args, new Context(env, out, err, Browser.system(env), System.console() != null)));
    }

    public static int run(String[] args, Context context) {
        CommandLine cli = commandLine(context);
        return cli.execute(args);
    }

    static CommandLine commandLine(Context context) {
        var cli = new CommandLine(new AlaiCommand(context));
        var usage = cli.getCommandSpec().usageMessage();
        var footer = new java.util.ArrayList<>(java.util.List.of(usage.footer()));
        footer.addAll(Exit.help().lines().toList());
        usage.footer(footer.toArray(String[]::new));
        cli.setOut(context.out).setErr(context.err);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(context.terminal().color()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            AlaiException error = e instanceof AlaiException a ? a
                    : new AlaiException(Exit.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            context.err.println("alai: " + error.getMessage());
            context.err.flush();
            return error.exit().code;
        });
        cli.setExitCodeExceptionMapper(t -> t instanceof AlaiException a ? a.exit().code
                : t instanceof CommandLine.ParameterException ? Exit.USAGE.code : Exit.FAILED.code);
        return cli;
    }
}
