package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.flow.PhaseValidator;
import com.alai.cloud.deploy.validate.Check;
import com.alai.cloud.deploy.validate.CheckResult;
import com.alai.cloud.deploy.validate.RunbookParser;
import com.alai.cloud.deploy.validate.Validator;
import com.alai.cloud.stacks.phases.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Bridges deploy commands to the runbooks: the checks run after an update, and the manual rollback steps. */
final class RunbookValidation {
    private RunbookValidation() {
    }

    /** After an update: the runbook's checks with variables from the environment (MC_URL, TOKEN, DATABASE_URL …). */
    static PhaseValidator forDeploy(Project project, String env) {
        return (phase, progress) -> {
            var results = new Validator(System.getenv(), false, progress).run(checks(project, phase));
            long failed = results.stream().filter(r -> r.status() != CheckResult.Status.PASS
                    && r.status() != CheckResult.Status.SKIPPED).count();
            return new PhaseValidator.Outcome(Validator.passed(results), results.size() + " checks, " + failed + " failed");
        };
    }

    static List<Check> checks(Project project, Phase phase) {
        Path runbook = project.home().resolve("runbooks").resolve("phase" + phase.number() + ".md");
        if (!Files.isRegularFile(runbook)) {
            throw new com.alai.cloud.deploy.UsageException("no runbook at " + runbook);
        }
        return RunbookParser.parse(runbook);
    }

    /**
     * Runs the runbook's ```rollback-step blocks (command checks: variables from the environment) and prints each
     * result; true when every one passed. A step that did not pass is named, so it can be done by hand.
     */
    static boolean runRollbackSteps(Project project, Phase phase, java.io.PrintWriter out, java.util.function.Consumer<String> progress) {
        Path runbook = project.home().resolve("runbooks").resolve("phase" + phase.number() + ".md");
        if (!Files.isRegularFile(runbook)) {
            return true;
        }
        List<Check> steps = RunbookParser.parse(runbook, "rollback-step");
        boolean passed = true;
        var results = new Validator(System.getenv(), false, progress).run(steps);
        for (int i = 0; i < steps.size(); i++) {
            CheckResult result = results.get(i);
            boolean ok = result.status() == CheckResult.Status.PASS;
            passed &= ok;
            out.printf("  %s %s%s%n", ok ? "done:" : "NOT DONE:", steps.get(i).criterion(),
                    ok ? "" : " — " + result.message() + "; do it by hand before the steps below");
        }
        return passed;
    }

    /** The numbered lines of the ```rollback block in runbooks/phaseN.md (empty when the runbook has none). */
    static List<String> rollbackSteps(Project project, Phase phase) {
        Path runbook = project.home().resolve("runbooks").resolve("phase" + phase.number() + ".md");
        var steps = new ArrayList<String>();
        if (!Files.isRegularFile(runbook)) {
            steps.add("(no runbook at " + runbook + ")");
            return steps;
        }
        try {
            boolean inside = false;
            for (String line : Files.readAllLines(runbook)) {
                if (line.strip().equals("```rollback")) {
                    inside = true;
                } else if (inside && line.strip().startsWith("```")) {
                    break;
                } else if (inside && !line.isBlank()) {
                    steps.add(line.strip());
                }
            }
        } catch (IOException e) {
            steps.add("(cannot read " + runbook + ": " + e.getMessage() + ")");
        }
        return steps;
    }
}
