package com.alai.cloud.deploy.flow;

import com.alai.cloud.deploy.journal.InFlight;
import com.alai.cloud.deploy.journal.LastKnownGood;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.phases.Phase;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `alai-deploy up PHASE`: refuse unless the previous phase is validated (or an override reason is given), then
 * preflight → images → checkpoint → apply → validate → record last-known-good, journaling after every step so a crash
 * resumes at the next one.
 */
public final class UpFlow {
    private final DeployContext ctx;

    public UpFlow(DeployContext ctx) {
        this.ctx = ctx;
    }

    public PhaseEntry run(Phase phase, Map<String, String> config, Optional<String> overrideReason) {
        String stack = phase.stackName(ctx.env());
        PhaseEntry entry = ctx.journal().entry(stack);
        InFlight inFlight = entry.inFlight();
        if (inFlight != null && !"up".equals(inFlight.operation())) {
            throw new RefusedException(stack + " has an unfinished " + inFlight.operation() + "; run `alai-deploy "
                    + inFlight.operation() + " " + stack + "` to finish it first");
        }
        if (inFlight == null) {
            String reason = refuseOrOverride(phase, overrideReason);
            inFlight = new InFlight("up", null, ctx.clock().instant().toString(), reason, null, config);
            InFlight started = inFlight;
            ctx.journal().update(stack, e -> e.withInFlight(started).log(started.startedAt() + " up started"
                    + (reason == null ? "" : " with override: " + reason)));
        } else {
            ctx.progress().accept("resuming up of " + stack + " after step " + inFlight.completedStep());
        }
        return new StepRunner(ctx, stack, "up", Step.UP).run(inFlight, step -> perform(step, phase, stack));
    }

    private String refuseOrOverride(Phase phase, Optional<String> overrideReason) {
        Optional<Phase> previous = phase.previous();
        if (previous.isEmpty()) {
            return null;
        }
        String previousStack = previous.get().stackName(ctx.env());
        if (ctx.journal().entry(previousStack).validated()) {
            return null;
        }
        if (overrideReason.isEmpty() || overrideReason.get().isBlank()) {
            throw new RefusedException(previousStack + " is not validated; run `alai-deploy validate " + previousStack
                    + "` first, or pass --override-reason \"why\" (it is recorded in the journal)");
        }
        return overrideReason.get().strip();
    }

    private InFlight perform(Step step, Phase phase, String stack) {
        InFlight inFlight = ctx.journal().entry(stack).inFlight();
        switch (step) {
            case PREFLIGHT -> {
                List<String> problems = ctx.preflight().problems(phase, inFlight.config());
                if (!problems.isEmpty()) {
                    throw new CheckFailedException("preflight of " + stack + " failed:\n  - " + String.join("\n  - ", problems));
                }
            }
            case IMAGES -> ImagePins.requirePinned(stack, phase.services(), inFlight.config());
            case CHECKPOINT -> {
                return inFlight.withCheckpoint(Checkpoints.write(ctx, stack).toString());
            }
            case APPLY -> ctx.engine().up(stack, inFlight.config(), ctx.progress());
            case VALIDATE -> StepRunner.validate(ctx, phase, stack);
            case RECORD -> {
                var lkg = new LastKnownGood(ctx.commit(), ConfigHash.of(inFlight.config()), inFlight.config(),
                        ImagePins.digests(phase.services(), inFlight.config()), ctx.clock().instant().toString());
                ctx.journal().update(stack, e -> e.withLastKnownGood(lkg).log(lkg.at() + " last-known-good = " + lkg.commit()));
            }
            default -> throw new IllegalStateException("up has no step " + step);
        }
        return inFlight;
    }
}
