package com.alai.cloud.services.runner.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A run's statuses, the one home of their wire names (the API, the SQL check constraint and the events use them). */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static RunStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown run status " + wire));
    }

    public static Optional<RunStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RunStatus::wire).toList();
    }
}
