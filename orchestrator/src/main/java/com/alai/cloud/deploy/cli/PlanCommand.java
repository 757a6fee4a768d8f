package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.plan.PlanJson;
import com.alai.cloud.deploy.plan.PlanPrinter;
import com.alai.cloud.deploy.plan.Planner;
import com.alai.cloud.deploy.plan.StackPlan;
import java.time.LocalDate;
import com.alai.cloud.stacks.phases.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Offline plan of one stack or all: the resource tree each phase program declares, no cloud credentials. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Offline plan of a stack: resources, policy results and monthly cost.",
        description = {"Synthesizes stacks offline (Pulumi mock engine, no credentials) and prints each one's resource tree,",
                "policy results and monthly cost against its budget. Exits 1 on any mandatory violation."},
        footerHeading = "%nExamples:%n",
        footer = {"  alai-deploy plan dev-phase2", "  alai-deploy plan --all --json > plan.json",
                "  alai-deploy plan dev-phase2 --date 2026-12-01   (policy as of a future date, e.g. end-of-life checks)"})
public final class PlanCommand implements Callable<Integer> {

    static final class Target {
        @Parameters(index = "0", paramLabel = "STACK", description = "Stack to plan: dev (foundation) or dev-phase1 … dev-phase6.")
        String stack;

        @Option(names = "--all", description = "Plan every stack of the environment, in phase order.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--env", description = "Environment (default: ${DEFAULT-VALUE}).", defaultValue = "dev")
    String env;

    @Option(names = "--json", description = "Print the plan as JSON (secrets redacted).")
    boolean json;

    @Option(names = "--date", description = "Evaluate date-dependent rules as of this day (default: today).")
    LocalDate date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Project project = Project.locate();
        List<Phase> phases = phases();
        Phase last = phases.get(phases.size() - 1);
        var plans = new Planner(project.config(env, last), date == null ? LocalDate.now() : date).plan(phases);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(PlanJson.render(plans));
        } else {
            plans.forEach(plan -> PlanPrinter.print(plan, out));
        }
        out.flush();
        return plans.stream().anyMatch(StackPlan::blocked) ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private List<Phase> phases() {
        if (target.all) {
            return List.of(Phase.values());
        }
        if (!target.stack.startsWith(env)) {
            throw new UsageException("stack '" + target.stack + "' is not in environment '" + env + "'");
        }
        Phase phase = Phase.ofStack(env, target.stack);
        var phases = new ArrayList<Phase>();
        phases.add(phase);
        return phases;
    }
}
