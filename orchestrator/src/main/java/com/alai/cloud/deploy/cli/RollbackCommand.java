package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.flow.RollbackFlow;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.phases.Phase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rolls a phase back to its last-known-good and prints the runbook's steps outside Azure. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        header = "Return a phase to its last-known-good and print the steps outside Azure.",
        description = {"Refreshes the stack (adopting and showing drift), re-applies the last-known-good config and image",
                "digests with pulumi up, runs the phase's checks, runs the runbook's `rollback-step` blocks (phase 2: the",
                "write-back of cloud changes into mission-control.db), then prints the runbook's rollback steps outside",
                "Azure (e.g. unset ALAI_MC_URL on ANVIL). Exit 1 when an automated step did not pass. Never deletes",
                "protected resources; refuses without a last-known-good.",
                "The program applied is this checkout's: rollback refuses unless it is the last-known-good commit and",
                "prints the worktree command that runs it from there (or pass --current-program)."},
        footerHeading = "%nExamples:%n", footer = {"  alai-deploy rollback dev-phase2",
                "  git worktree add /tmp/alai-lkg 1a9d8fd0c2e4 && cd /tmp/alai-lkg && ./alai-deploy rollback dev-phase2"})
public final class RollbackCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STACK", description = "dev, dev-phase1 … dev-phase6")
    String stack;

    @Option(names = "--env", defaultValue = "dev", description = "Environment (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (CI).")
    boolean yes;

    @Option(names = "--current-program", description = {"Apply this checkout's program with the recorded config and digests,",
            "although it is not the last-known-good commit."})
    boolean currentProgram;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Project project = Project.locate();
        Phase phase = StackArgument.phase(env, stack);
        var ctx = Wiring.deploy(project, env, phase, Wiring.progress(spec), RunbookValidation.forDeploy(project, env));
        PhaseEntry entry = new RollbackFlow(ctx).run(phase, currentProgram);
        var out = spec.commandLine().getOut();
        out.printf("%s rolled back to %s (%s)%n", stack, entry.lastKnownGood().commit(), entry.lastKnownGood().configHash());
        boolean automated = RunbookValidation.runRollbackSteps(project, phase, out, Wiring.progress(spec));
        out.printf("%nNow, outside Azure:%n");
        RunbookValidation.rollbackSteps(project, phase).forEach(step -> out.println("  " + step));
        return automated ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
