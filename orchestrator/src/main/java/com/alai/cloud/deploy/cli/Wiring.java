package com.alai.cloud.deploy.cli;

import com.alai.cloud.components.secrets.BwCliSecretSource;
import com.alai.cloud.components.secrets.ChainedSecretSource;
import com.alai.cloud.components.secrets.EnvSecretSource;
import com.alai.cloud.components.secrets.SecretSource;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.engine.AutomationStackEngine;
import com.alai.cloud.deploy.flow.DeployContext;
import com.alai.cloud.deploy.flow.PhaseValidator;
import com.alai.cloud.deploy.flow.PlanPreflight;
import com.alai.cloud.deploy.flow.StepHook;
import com.alai.cloud.deploy.journal.FileJournal;
import com.alai.cloud.stacks.phases.Phase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds what the deploy commands run against from the repository and the environment. Constructor wiring only. */
final class Wiring {
    private Wiring() {
    }

    /** Progress lines go to stderr at once, so stdout stays clean for --json and pipes. */
    static java.util.function.Consumer<String> progress(picocli.CommandLine.Model.CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    static Path stateDir(Project project) {
        return project.home().resolve(".alai");
    }

    static FileJournal journal(Project project) {
        String override = System.getenv("ALAI_JOURNAL");
        return new FileJournal(override != null && !override.isBlank() ? Path.of(override) : stateDir(project).resolve("journal.json"));
    }

    static SecretSource secrets() {
        return new ChainedSecretSource(List.of(EnvSecretSource.fromSystem(), BwCliSecretSource.fromSystem()));
    }

    static DeployContext deploy(Project project, String env, Phase phase, java.util.function.Consumer<String> progress,
                                PhaseValidator validator) {
        Clock clock = Clock.systemUTC();
        String stack = phase.stackName(env);
        if (!stack.equals(env)) {
            var stale = com.alai.cloud.stacks.config.EnvironmentSync.differences(project.home(), env, stack);
            if (!stale.isEmpty()) {
                throw new com.alai.cloud.deploy.UsageException("Pulumi." + stack + ".yaml is out of date with Pulumi."
                        + env + ".yaml (" + String.join("; ", stale) + "); run `alai-deploy config sync` and commit it");
            }
        }
        com.alai.cloud.deploy.engine.PulumiEnvironment.requireSecretsProvider(System.getenv(), project.home(), stack);
        var engine = new AutomationStackEngine(project.home(), System.getenv());
        var preflight = new PlanPreflight(project.config(env, phase), secrets(), clock);
        return new DeployContext(env, engine, journal(project), stateDir(project).resolve("checkpoints"), preflight,
                validator, commit(project.home()), clock, progress, StepHook.NONE);
    }

    /** The checked-out commit, with "-dirty" when the work tree has changes; "unknown" outside git. */
    static String commit(Path home) {
        String head = git(home, "rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git(home, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path home, String... args) {
        try {
            var command = new java.util.ArrayList<String>(List.of("git", "-C", home.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
