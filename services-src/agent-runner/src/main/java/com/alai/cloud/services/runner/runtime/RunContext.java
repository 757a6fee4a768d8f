package com.alai.cloud.services.runner.runtime;

import com.alai.cloud.services.runner.model.Usage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/** What a runtime sees of the run it executes, and how it reports. Every report becomes a run event. */
public interface RunContext {
    long runId();

    String input();

    int attempt();

    /** The model the caller asked for, or null for the definition's. */
    String modelOverride();

    /** The most this run may cost. */
    BigDecimal maxCostUsd();

    /** The run's own working directory, created for it and removed afterwards. */
    Path workDir();

    /**
     * Call before sending anything that may buy model tokens: it is recorded durably first, so a failure or a lost
     * worker from here on fails the run instead of re-running it. Throws when the run is no longer this worker's.
     */
    void spending() throws RunFailure;

    /**
     * The request announced by {@link #spending()} was refused before any token was bought (the backend answered
     * 429/529/5xx, or could not be reached): the run may be retried again, if nothing was bought before it either.
     */
    void nothingBought();

    void log(String line);

    void output(String text);

    void toolCall(String id, String name, Object input);

    void toolResult(String id, String content, boolean error);

    /** Adds usage; throws once the run's cost limit is passed, so the runtime stops buying. */
    void usage(Usage delta) throws RunFailure;

    /** Any other event a runtime passes through (e.g. a CLI's system messages). */
    void event(String kind, Map<String, ?> data);

    /** True once the run was cancelled, timed out or lost its lease; a runtime stops at its next step. */
    boolean stopped();

    /** Called once when the run is stopped (close a stream, end a process), at once if it already is. */
    void onStop(Runnable abort);
}
