package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.journal.FileJournal;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.phases.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Every phase at a glance: its stack, last-known-good, validation state and any unfinished operation. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Every phase: last-known-good, validation and unfinished operations.",
        description = "Shows every phase's stack, last-known-good (commit, config hash, digests, time), validation and in-flight state.",
        footerHeading = "%nExamples:%n", footer = {"  alai-deploy status", "  alai-deploy status --json", "  alai-deploy status --drift"})
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--env", defaultValue = "dev", description = "Environment (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--json", description = "Print the journal entries as JSON.")
    boolean json;

    @Option(names = "--drift", description = "Also run a refresh preview of every deployed stack and list drift (needs the Pulumi CLI).")
    boolean drift;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FileJournal journal = Wiring.journal(Project.locate());
        var out = spec.commandLine().getOut();
        var entries = new ArrayList<PhaseEntry>();
        for (Phase phase : Phase.values()) {
            entries.add(journal.entry(phase.stackName(env)));
        }
        if (json) {
            var byStack = new LinkedHashMap<String, PhaseEntry>();
            entries.forEach(e -> byStack.put(e.stack(), e));
            out.println(JsonOut.pretty(byStack));
            return ExitCode.OK;
        }
        out.printf("%-11s %-16s %-10s %-19s %-24s %-20s %s%n", "STACK", "PHASE", "VALIDATED", "LAST-KNOWN-GOOD", "AT",
                "CONFIG", "IN FLIGHT");
        for (int i = 0; i < entries.size(); i++) {
            PhaseEntry e = entries.get(i);
            var lkg = e.lastKnownGood();
            out.printf("%-11s %-16s %-10s %-19s %-24s %-20s %s%n", e.stack(), i + " " + Phase.values()[i].title(),
                    e.validation(), lkg == null ? "-" : lkg.commit() + " (" + lkg.digests().size() + " img)",
                    lkg == null ? "-" : lkg.at(), lkg == null ? "-" : lkg.configHash(),
                    e.inFlight() == null ? "-" : e.inFlight().operation() + " after " + e.inFlight().completedStep());
        }
        if (drift) {
            var engine = new com.alai.cloud.deploy.engine.AutomationStackEngine(Project.locate().home(), System.getenv());
            out.println();
            for (PhaseEntry e : entries) {
                if (e.lastKnownGood() == null) {
                    continue;
                }
                var found = engine.refresh(e.stack(), true, line -> { });
                out.println(e.stack() + ": " + (found.none() ? "no drift" : found.changes().size() + " change(s)"));
                found.changes().forEach(c -> out.println("  ~ " + c));
            }
        }
        out.println();
        out.println("journal: " + journal.file());
        return ExitCode.OK;
    }
}
