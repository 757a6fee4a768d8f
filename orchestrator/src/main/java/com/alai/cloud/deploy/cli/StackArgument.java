package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.stacks.phases.Phase;

/** Resolves a STACK argument (dev, dev-phase1 … dev-phase6) to its phase. */
final class StackArgument {
    private StackArgument() {
    }

    static Phase phase(String env, String stack) {
        if (stack == null || !stack.startsWith(env)) {
            throw new UsageException("stack '" + stack + "' is not in environment '" + env + "'");
        }
        return Phase.ofStack(env, stack);
    }
}
