package com.alai.cloud.deploy.journal;

import java.util.Map;

/**
 * An operation (up or rollback) that started and has not finished: the last step that completed, so a crash between
 * any two steps resumes at the next one with the same config.
 */
public record InFlight(String operation, String completedStep, String startedAt, String overrideReason,
                       String checkpoint, Map<String, String> config) {
    public InFlight {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public InFlight completed(String step) {
        return new InFlight(operation, step, startedAt, overrideReason, checkpoint, config);
    }

    public InFlight withCheckpoint(String path) {
        return new InFlight(operation, completedStep, startedAt, overrideReason, path, config);
    }
}
