package com.alai.cloud.services.runner.worker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker's knobs: its name (the lease holder), how many runs at once, how often it looks for work without a
 * notification, how often it heartbeats, how long a silent worker keeps its runs, where runs get their directories,
 * and how long a stopping worker lets its runs finish.
 */
public record WorkerSettings(String name, int slots, Duration poll, Duration heartbeat, Duration lease, Path workRoot,
                             Duration drain) {
    public WorkerSettings {
        if (!lease.minus(heartbeat.multipliedBy(2)).isPositive()) {
            throw new IllegalArgumentException("the lease must be over twice the heartbeat interval");
        }
    }
}
