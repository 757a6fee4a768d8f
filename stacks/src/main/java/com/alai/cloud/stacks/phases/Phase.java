package com.alai.cloud.stacks.phases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The migration phases, in order; phase N's stack is {@code <env>-phaseN}, the foundation's is {@code <env>}. */
public enum Phase {
    FOUNDATION(0, "foundation"),
    SECRETS(1, "secrets"),
    CONTROL_PLANE(2, "control-plane", "mc-api", "hivemind-api", "backup-job"),
    AGENTS(3, "agents", "agent-runner", "skills-proxy"),
    CLIENT_AUTH(4, "client-auth"),
    DATA_PLANE(5, "data-plane"),
    DECOMMISSION(6, "decommission", "secrets-proxy");

    private final int number;
    private final String title;
    private final List<String> services;

    Phase(int number, String title, String... services) {
        this.number = number;
        this.title = title;
        this.services = List.of(services);
    }

    /** The services whose images this phase deploys: only these must be pinned before its `pulumi up`. */
    public List<String> services() {
        return services;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The value of the {@code phase} tag on every resource this phase owns. */
    public String tag() {
        return number + "-" + title;
    }

    public String stackName(String env) {
        return number == 0 ? env : env + "-phase" + number;
    }

    public Optional<Phase> previous() {
        return number == 0 ? Optional.empty() : Optional.of(values()[number - 1]);
    }

    /** The phase a stack name denotes, e.g. dev-phase2 → CONTROL_PLANE. */
    public static Phase ofStack(String env, String stack) {
        return Arrays.stream(values()).filter(p -> p.stackName(env).equals(stack)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stack '" + stack + "'; the stacks of "
                        + env + " are " + Arrays.stream(values()).map(p -> p.stackName(env)).toList()));
    }

    /** The environment part of a stack name: "dev-phase2" → "dev". */
    public static String envOf(String stack) {
        int dash = stack.indexOf("-phase");
        return dash < 0 ? stack : stack.substring(0, dash);
    }
}
