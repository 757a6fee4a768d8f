package com.alai.cloud.services.runner.queue;

import java.time.Duration;

/** How an attempt ended, as the worker reports it to the queue. */
public sealed interface Outcome {
    record Succeeded(String output) implements Outcome {
    }

    /**
     * The attempt failed. {@code retryable} is the runtime's view (the backend was down, overloaded, rate-limited);
     * the queue retries only if no model token may have been bought for the run, whatever the runtime says.
     */
    record Failed(String error, boolean retryable, Duration retryAfter) implements Outcome {
    }

    record Cancelled(String reason) implements Outcome {
    }
}
