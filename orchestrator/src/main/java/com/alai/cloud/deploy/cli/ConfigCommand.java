package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.stacks.config.EnvironmentSync;
import com.alai.cloud.stacks.phases.Phase;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `alai-deploy config sync`: regenerates every phase stack's Pulumi.&lt;stack&gt;.yaml from the environment's file. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Stack settings files.",
        subcommands = ConfigCommand.Sync.class)
public final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            header = "Regenerate each phase stack's settings file from the environment's file.",
            description = {"Pulumi reads only Pulumi.<stack>.yaml (and the defaults in Pulumi.yaml) for a stack, so every",
                    "phase stack's file carries the whole environment: Pulumi.dev-phaseN.yaml is generated from",
                    "Pulumi.dev.yaml, keeping only the stack's images pinned by digest and Pulumi's encryption settings.",
                    "Edit Pulumi.<env>.yaml, then run this and commit the result. With --check nothing is written and",
                    "the exit code is 1 when a file is out of date (CI runs the same check)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every file is in sync (or was written)", "1:--check found a file out of date",
                    "2:a settings file is unreadable"},
            footerHeading = "%nExamples:%n",
            footer = {"  alai-deploy config sync", "  alai-deploy config sync --check"})
    static final class Sync implements Callable<Integer> {
        @Option(names = "--env", defaultValue = "dev", description = "Environment (default: ${DEFAULT-VALUE}).")
        String env;

        @Option(names = "--check", description = "Only report files that are out of date; exit 1 if any.")
        boolean check;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Project project = Project.locate();
            PrintWriter out = spec.commandLine().getOut();
            boolean stale = false;
            for (Phase phase : Phase.values()) {
                String stack = phase.stackName(env);
                if (stack.equals(env)) {
                    continue;
                }
                List<String> differences = EnvironmentSync.differences(project.home(), env, stack);
                if (differences.isEmpty()) {
                    out.printf("Pulumi.%s.yaml: in sync%n", stack);
                } else if (check) {
                    stale = true;
                    out.printf("Pulumi.%s.yaml: out of date (%s)%n", stack, String.join("; ", differences));
                } else {
                    EnvironmentSync.sync(project.home(), env, stack);
                    out.printf("Pulumi.%s.yaml: written (%d key(s) changed)%n", stack, differences.size());
                }
            }
            if (stale) {
                out.println("run `alai-deploy config sync` and commit the files");
                return ExitCode.CHECK_FAILED;
            }
            return ExitCode.OK;
        }
    }
}
