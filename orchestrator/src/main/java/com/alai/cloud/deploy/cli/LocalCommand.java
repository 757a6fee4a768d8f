package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.local.LocalEnvironment;
import com.alai.cloud.deploy.local.LocalState;
import com.alai.cloud.services.backup.BackupConfig;
import com.alai.cloud.services.backup.BackupJob;
import com.alai.cloud.services.backup.Manifest;
import com.alai.cloud.services.backup.Servers;
import com.alai.cloud.services.backup.Verifier;
import com.alai.cloud.services.backup.VerifyReport;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.stacks.phases.Phase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `alai-deploy local up|down [STACK]`: the embedded default, on this machine, no cloud. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Runs a phase's services on this machine against embedded PostgreSQL and a local OIDC issuer.",
        subcommands = {LocalCommand.Up.class, LocalCommand.Down.class, LocalCommand.Backup.class})
public final class LocalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String supported(String stack) {
        Phase phase = StackArgument.phase("dev", stack);
        if (phase != Phase.CONTROL_PLANE && phase != Phase.AGENTS) {
            throw new UsageException("local mode runs the control plane (dev-phase2) and the agents (dev-phase3); "
                    + stack + " has no local services yet");
        }
        return stack;
    }

    /** What every `local` subcommand takes: the stack (phase 2 by default) and picocli's view of the command. */
    abstract static class OnStack implements Callable<Integer> {
        @Parameters(index = "0", defaultValue = "dev-phase2", paramLabel = "STACK")
        String stack;

        @Spec
        CommandSpec spec;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Starts embedded PostgreSQL (mission_control, hivemind), migrates a generated 8,378-task",
                    "mission-control.db into it, starts a local OIDC issuer, mc-api and hivemind-api, and prints URLs and a token."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy local up dev-phase2",
                    "  alai-deploy local up dev-phase3   (also the agent runner: API, two workers, Claude Code CLI)",
                    "  curl -H \"Authorization: Bearer $TOKEN\" $MC_URL/tasks?status=open",
                    "  curl -H \"Authorization: Bearer $TOKEN\" $HIVEMIND_URL/topics"})
    static final class Up extends OnStack {
        @Override
        public Integer call() throws Exception {
            LocalState state = new LocalEnvironment(Wiring.stateDir(Project.locate()), Wiring.progress(spec)).up(supported(stack));
            var out = spec.commandLine().getOut();
            out.printf("%s is running locally (pid %d); stop it with: alai-deploy local down %s%n", stack, state.pid(), stack);
            out.println("# mc-api:       " + state.vars().get("MC_URL"));
            out.println("# hivemind-api: " + state.vars().get("HIVEMIND_URL"));
            out.println("# backup-job:   on demand, into the local Azurite: alai-deploy local backup " + stack);
            if (state.vars().containsKey("AGENT_RUNNER_URL")) {
                out.println("# agent-runner: " + state.vars().get("AGENT_RUNNER_URL") + " (API and two workers, model server "
                        + state.vars().get("LOCAL_MODEL_URL") + ")");
            }
            state.vars().forEach((k, v) -> out.println("export " + k + "='" + v + "'"));
            out.println("# then: alai-deploy validate " + stack + " --local");
            return ExitCode.OK;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Runs the backup-job now against the running local environment: dumps mission_control and",
                    "hivemind into its Azurite with a manifest, then restores the dump into scratch databases and verifies it.",
                    "Exit 0 when the backup verifies clean, 1 when it does not, 2 when `local up` is not running."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy local up dev-phase2", "  alai-deploy local backup dev-phase2"})
    static final class Backup extends OnStack {
        @Override
        public Integer call() throws Exception {
            LocalState state = LocalState.read(LocalState.file(Wiring.stateDir(Project.locate()), supported(stack)))
                    .filter(LocalState::alive)
                    .orElseThrow(() -> new UsageException(stack + " is not running locally; start it with: alai-deploy local up " + stack));
            var vars = state.vars();
            var config = BackupConfig.from(new Env(java.util.Map.of("DATABASE_URL", vars.get("BACKUP_DATABASE_URL"),
                    "DATABASE_USER", "postgres", "DATABASES", "mission_control,hivemind",
                    "AZURE_STORAGE_CONNECTION_STRING", vars.get("AZURE_STORAGE_CONNECTION_STRING"),
                    "BACKUP_CONTAINER", vars.get("BACKUP_CONTAINER"))));
            var out = spec.commandLine().getOut();
            Manifest manifest = BackupJob.run(config, new JsonLog("backup-job"));
            out.println("backup " + manifest.prefix() + " written to the local Azurite");
            VerifyReport report = new Verifier(config.store(), Wiring.progress(spec))
                    .verify(Servers.base(config.jdbcUrl()), config.user(), config.password(), manifest.prefix(), 100);
            report.tables().forEach(t -> out.printf("  %s %s.%s: %d rows%s%n", t.ok() ? "ok  " : "FAIL", t.database(), t.table(),
                    t.rowsRestored(), t.message().isEmpty() ? "" : " — " + t.message()));
            report.problems().forEach(p -> out.println("  FAIL " + p));
            out.println(report.clean() ? "verified clean" : "verification FAILED");
            return report.clean() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops exactly what `local up` started.")
    static final class Down extends OnStack {
        @Override
        public Integer call() throws Exception {
            boolean stopped = new LocalEnvironment(Wiring.stateDir(Project.locate()), line -> { }).down(supported(stack));
            spec.commandLine().getOut().println(stopped ? stack + " stopped" : stack + " was not running");
            return ExitCode.OK;
        }
    }
}
