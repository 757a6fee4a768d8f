package com.alai.cloud.stacks.phases;

import com.pulumi.Context;

/** One phase's stack program. Reads earlier phases only through their typed contracts. */
public interface PhaseProgram {
    Phase phase();

    void define(Context ctx, StackEnvironment environment);
}
