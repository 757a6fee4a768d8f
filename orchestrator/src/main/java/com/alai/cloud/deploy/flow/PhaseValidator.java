package com.alai.cloud.deploy.flow;

import com.alai.cloud.stacks.phases.Phase;
import java.util.function.Consumer;

/** Runs a phase's runbook checks after an update. */
@FunctionalInterface
public interface PhaseValidator {

    record Outcome(boolean passed, String summary) {
    }

    Outcome validate(Phase phase, Consumer<String> progress);
}
