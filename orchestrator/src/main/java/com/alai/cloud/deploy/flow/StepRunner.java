package com.alai.cloud.deploy.flow;

import com.alai.cloud.deploy.journal.InFlight;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.phases.Phase;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an operation's steps from the one after the last completed, journaling each completion. A failed check ends
 * the operation (nothing to resume); any other failure leaves it in flight so the next run resumes it.
 */
final class StepRunner {
    private final DeployContext ctx;
    private final String stack;
    private final String operation;
    private final List<Step> steps;

    StepRunner(DeployContext ctx, String stack, String operation, List<Step> steps) {
        this.ctx = ctx;
        this.stack = stack;
        this.operation = operation;
        this.steps = steps;
    }

    PhaseEntry run(InFlight inFlight, Function<Step, InFlight> perform) {
        int start = inFlight.completedStep() == null ? 0 : steps.indexOf(Step.valueOf(inFlight.completedStep())) + 1;
        for (int i = start; i < steps.size(); i++) {
            Step step = steps.get(i);
            ctx.hook().before(operation, stack, step);
            ctx.progress().accept(String.format("[%d/%d] %s %s: %s", i + 1, steps.size(), operation, stack,
                    step.name().toLowerCase(java.util.Locale.ROOT)));
            InFlight done;
            try {
                done = perform.apply(step).completed(step.name());
            } catch (CheckFailedException e) {
                ctx.journal().update(stack, entry -> entry.withInFlight(null)
                        .log(ctx.clock().instant() + " " + operation + " stopped at " + step + ": check failed"));
                throw e;
            }
            ctx.journal().update(stack, entry -> entry.withInFlight(done));
        }
        return ctx.journal().update(stack, entry -> entry.withInFlight(null)
                .log(ctx.clock().instant() + " " + operation + " finished"));
    }

    static void validate(DeployContext ctx, Phase phase, String stack) {
        PhaseValidator.Outcome outcome = ctx.validator().validate(phase, ctx.progress());
        String at = ctx.clock().instant().toString();
        ctx.journal().update(stack, entry -> entry
                .withValidation(outcome.passed() ? PhaseEntry.VALIDATED : PhaseEntry.FAILED, at)
                .log(at + " validation " + (outcome.passed() ? "passed" : "failed") + ": " + outcome.summary()));
        if (!outcome.passed()) {
            throw new CheckFailedException("validation of " + stack + " failed: " + outcome.summary()
                    + "; the last-known-good is unchanged — `alai-deploy rollback " + stack + "` re-applies it");
        }
    }
}
