package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.plan.TreeRenderer;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.Synthesizer;
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
        description = "Synthesizes a phase offline (Pulumi mock engine) and prints its resource tree.",
        footerHeading = "%nExamples:%n",
        footer = {"  alai-deploy plan dev-phase2", "  alai-deploy plan --all"})
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Project project = Project.locate();
        List<Phase> phases = phases();
        var synthesizer = new Synthesizer(project.settings(env, phases.get(phases.size() - 1)));
        var out = spec.commandLine().getOut();
        for (Phase phase : phases) {
            ResourceGraph graph = synthesizer.synthesize(phase);
            out.printf("%s — phase %d %s — %d resources%n", graph.stack(), phase.number(), phase.title(),
                    graph.cloudResources().size());
            out.print(TreeRenderer.render(graph));
            out.println();
        }
        out.flush();
        return 0;
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
