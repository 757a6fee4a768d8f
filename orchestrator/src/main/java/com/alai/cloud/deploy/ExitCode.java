package com.alai.cloud.deploy;

/** Exit codes of alai-deploy, documented in --help and the README. */
public final class ExitCode {
    /** Everything passed. */
    public static final int OK = 0;
    /** A check failed: a mandatory policy violation, a failed validation, a verification difference. */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or configuration, or a missing prerequisite (Pulumi CLI, JDK, bw). */
    public static final int USAGE = 2;
    /** A phase program or an external step failed (synthesis, pulumi, registry). */
    public static final int FAILED = 3;

    private ExitCode() {
    }
}
