package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.local.LocalEnvironment;
import com.alai.cloud.deploy.local.LocalState;
import com.alai.cloud.stacks.phases.Phase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `alai-deploy local up|down [STACK]`: the embedded default, on this machine, no cloud. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Runs a phase's services on this machine against embedded PostgreSQL and a local OIDC issuer.",
        subcommands = {LocalCommand.Up.class, LocalCommand.Down.class})
public final class LocalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String supported(String stack) {
        Phase phase = StackArgument.phase("dev", stack);
        if (phase != Phase.CONTROL_PLANE) {
            throw new UsageException("local mode runs the control plane (dev-phase2); " + stack + " has no local services yet");
        }
        return stack;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Starts embedded PostgreSQL (mission_control, hivemind), migrates a generated 8,378-task",
                    "mission-control.db into it, starts a local OIDC issuer, mc-api and hivemind-api, and prints URLs and a token."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy local up dev-phase2",
                    "  curl -H \"Authorization: Bearer $TOKEN\" $MC_URL/tasks?status=open",
                    "  curl -H \"Authorization: Bearer $TOKEN\" $HIVEMIND_URL/topics"})
    static final class Up implements Callable<Integer> {
        @Parameters(index = "0", defaultValue = "dev-phase2", paramLabel = "STACK")
        String stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LocalState state = new LocalEnvironment(Wiring.stateDir(Project.locate()), Wiring.progress(spec)).up(supported(stack));
            var out = spec.commandLine().getOut();
            out.printf("%s is running locally (pid %d); stop it with: alai-deploy local down %s%n", stack, state.pid(), stack);
            state.vars().forEach((k, v) -> out.println("export " + k + "='" + v + "'"));
            out.println("# then: alai-deploy validate " + stack + " --local");
            return ExitCode.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops exactly what `local up` started.")
    static final class Down implements Callable<Integer> {
        @Parameters(index = "0", defaultValue = "dev-phase2", paramLabel = "STACK")
        String stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            boolean stopped = new LocalEnvironment(Wiring.stateDir(Project.locate()), line -> { }).down(supported(stack));
            spec.commandLine().getOut().println(stopped ? stack + " stopped" : stack + " was not running");
            return ExitCode.OK;
        }
    }
}
