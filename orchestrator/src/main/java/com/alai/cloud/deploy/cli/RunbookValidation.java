package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.flow.PhaseValidator;
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

    static PhaseValidator forDeploy(Project project, String env) {
        return (phase, progress) -> new PhaseValidator.Outcome(false,
                "no check runner in this build; run `alai-deploy validate " + phase.stackName(env) + "` once it is available");
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
