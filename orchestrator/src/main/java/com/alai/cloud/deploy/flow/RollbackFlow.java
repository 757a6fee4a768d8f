package com.alai.cloud.deploy.flow;

import com.alai.cloud.deploy.journal.InFlight;
import com.alai.cloud.deploy.journal.LastKnownGood;
import com.alai.cloud.deploy.journal.PhaseEntry;
import com.alai.cloud.stacks.phases.Phase;

/**
 * `alai-deploy rollback PHASE`: refresh (adopt and show drift) → checkpoint → re-apply the last-known-good config and
 * digests → run the checks → record. Refuses without a last-known-good. Protected resources are never deleted: the
 * engine refuses any update that would.
 * <p>
 * The program applied is the checked-out one. So that "last-known-good" means the recorded program too, rollback
 * refuses when the checkout is not the recorded commit (a dirty tree included), and says how to run it from a
 * worktree at that commit; {@code currentProgram} accepts the checkout as it is, on the operator's word.
 */
public final class RollbackFlow {
    private final DeployContext ctx;

    public RollbackFlow(DeployContext ctx) {
        this.ctx = ctx;
    }

    public PhaseEntry run(Phase phase) {
        return run(phase, false);
    }

    public PhaseEntry run(Phase phase, boolean currentProgram) {
        String stack = phase.stackName(ctx.env());
        PhaseEntry entry = ctx.journal().entry(stack);
        LastKnownGood lkg = entry.lastKnownGood();
        if (lkg == null) {
            throw new RefusedException(stack + " has no last-known-good in " + ctx.journal().file()
                    + "; there is nothing to roll back to (deploy and validate it first)");
        }
        if (!currentProgram && !lkg.commit().equals(ctx.commit())) {
            throw new RefusedException("the last-known-good of " + stack + " was deployed from commit " + lkg.commit()
                    + ", but this checkout is " + ctx.commit() + "; re-apply that program from a worktree:\n"
                    + "  git worktree add /tmp/alai-lkg " + lkg.commit().replace("-dirty", "") + " && cd /tmp/alai-lkg && "
                    + "ALAI_JOURNAL=" + ctx.journal().file().toAbsolutePath() + " ./alai-deploy rollback " + stack
                    + "\nor pass --current-program to apply this checkout's program with the recorded config and digests");
        }
        InFlight inFlight = entry.inFlight();
        if (inFlight != null && !"rollback".equals(inFlight.operation())) {
            ctx.progress().accept("abandoning the unfinished " + inFlight.operation() + " of " + stack
                    + " after step " + inFlight.completedStep());
            inFlight = null;
        }
        if (inFlight == null) {
            inFlight = new InFlight("rollback", null, ctx.clock().instant().toString(), null, null, lkg.config());
            InFlight started = inFlight;
            ctx.journal().update(stack, e -> e.withInFlight(started)
                    .log(started.startedAt() + " rollback to " + lkg.commit() + " (" + lkg.configHash() + ") started"));
        } else {
            ctx.progress().accept("resuming rollback of " + stack + " after step " + inFlight.completedStep());
        }
        return new StepRunner(ctx, stack, "rollback", Step.ROLLBACK).run(inFlight, step -> perform(step, phase, stack));
    }

    private InFlight perform(Step step, Phase phase, String stack) {
        InFlight inFlight = ctx.journal().entry(stack).inFlight();
        switch (step) {
            case REFRESH -> {
                var drift = ctx.engine().refresh(stack, false, ctx.progress());
                ctx.progress().accept(drift.none() ? "  no drift" : "  drift adopted: " + drift.changes().size() + " change(s)");
            }
            case CHECKPOINT -> {
                return inFlight.withCheckpoint(Checkpoints.write(ctx, stack).toString());
            }
            case APPLY -> ctx.engine().up(stack, inFlight.config(), ctx.progress());
            case VALIDATE -> StepRunner.validate(ctx, phase, stack);
            case RECORD -> ctx.journal().update(stack, e -> e.log(ctx.clock().instant() + " rolled back to "
                    + e.lastKnownGood().commit()));
            default -> throw new IllegalStateException("rollback has no step " + step);
        }
        return inFlight;
    }
}
