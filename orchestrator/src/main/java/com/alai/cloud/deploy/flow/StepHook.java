package com.alai.cloud.deploy.flow;

/** Called before each step; the crash-and-resume tests stop the process here. */
@FunctionalInterface
public interface StepHook {
    StepHook NONE = (operation, stack, step) -> { };

    void before(String operation, String stack, Step step);
}
