package com.alai.cloud.services.runner.runtime;

import java.time.Duration;

/**
 * An attempt that could not complete. {@code retryable} failures (a backend down, overloaded or rate-limited) may be
 * retried by the queue, but only when no model token may have been bought; the others fail the run at once.
 */
public final class RunFailure extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    private RunFailure(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** The backend could not take the request: try again after {@code retryAfter} (may be null). */
    public static RunFailure transientFailure(String message, Duration retryAfter, Throwable cause) {
        return new RunFailure(message, true, retryAfter, cause);
    }

    public static RunFailure fatal(String message) {
        return new RunFailure(message, false, null, null);
    }

    public static RunFailure fatal(String message, Throwable cause) {
        return new RunFailure(message, false, null, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
