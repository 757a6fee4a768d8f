package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.deploy.local.LocalState;
import com.alai.cloud.deploy.validate.CheckResult;
import com.alai.cloud.deploy.validate.Validator;
import com.alai.cloud.stacks.phases.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the ```check blocks of runbooks/phaseN.md against Azure (variables from the environment) or the local run. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Run a phase's runbook checks against Azure or the local environment.",
        description = {"Runs the phase's runbook checks (HTTP, SQL, write-visible, TCP/DNS, healthy-for, command).",
                "Variables such as ${MC_URL} and ${TOKEN} come from --local (the running local environment), --var, or",
                "the environment. Against Azure, the result is recorded in the journal; `up` of the next phase needs it.",
                "Exit 1 when any check fails or errs; checks that cannot run locally are listed as SKIPPED, never passed."},
        footerHeading = "%nExamples:%n",
        footer = {"  alai-deploy validate dev-phase2 --local", "  alai-deploy validate dev-phase2 --var MC_URL=https://ca-… --var TOKEN=$T"})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STACK")
    String stack;

    @Option(names = "--local", description = "Check the environment `alai-deploy local up STACK` started.")
    boolean local;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A variable for the checks (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--env", defaultValue = "dev", description = "Environment (default: ${DEFAULT-VALUE}).")
    String env;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = Project.locate();
        Phase phase = StackArgument.phase(env, stack);
        var variables = new LinkedHashMap<String, String>(System.getenv());
        if (local) {
            LocalState state = LocalState.read(LocalState.file(Wiring.stateDir(project), stack))
                    .filter(LocalState::alive)
                    .orElseThrow(() -> new UsageException(stack + " is not running locally; run `alai-deploy local up " + stack + "` first"));
            variables.putAll(state.vars());
        }
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq < 1) {
                throw new UsageException("--var '" + v + "' must be NAME=VALUE");
            }
            variables.put(v.substring(0, eq), v.substring(eq + 1));
        }
        var progress = Wiring.progress(spec);
        var checks = RunbookValidation.checks(project, phase);
        progress.accept("validating " + stack + (local ? " (local)" : "") + ": " + checks.size() + " checks from runbooks/phase" + phase.number() + ".md");
        List<CheckResult> results = new Validator(variables, local, progress).run(checks);
        boolean passed = Validator.passed(results);
        if (!local) {
            String at = Instant.now().toString();
            Wiring.journal(project).update(stack, e -> e.withValidation(passed ? PhaseEntry.VALIDATED : PhaseEntry.FAILED, at)
                    .log(at + " validate: " + (passed ? "passed" : "failed")));
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOut.pretty(Map.of("stack", stack, "passed", passed, "results", results)));
        } else {
            long pass = results.stream().filter(r -> r.status() == CheckResult.Status.PASS).count();
            long skipped = results.stream().filter(r -> r.status() == CheckResult.Status.SKIPPED).count();
            out.printf("%s: %s — %d passed, %d failed, %d skipped%n", stack, passed ? "VALIDATED" : "NOT VALIDATED", pass,
                    results.size() - pass - skipped, skipped);
        }
        return passed ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
