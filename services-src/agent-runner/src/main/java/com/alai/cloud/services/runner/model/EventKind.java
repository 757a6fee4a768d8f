package com.alai.cloud.services.runner.model;

/** The kinds of run events, as the SSE stream names them. */
public final class EventKind {
    public static final String QUEUED = "queued";
    public static final String STARTED = "started";
    public static final String LOG = "log";
    public static final String OUTPUT = "output";
    public static final String TOOL_CALL = "tool_call";
    public static final String TOOL_RESULT = "tool_result";
    public static final String USAGE = "usage";
    public static final String RETRYING = "retrying";
    public static final String RESCUED = "rescued";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** The kinds reported to HiveMind (and, for a run with a task, Mission Control); V2's index spells them too. */
    public static final java.util.List<String> LIFECYCLE = java.util.List.of(QUEUED, STARTED, RETRYING, RESCUED,
            FINISHED, FAILED, CANCELLED);

    private EventKind() {
    }

    /** The kinds after which a run has no more events. */
    public static boolean last(String kind) {
        return FINISHED.equals(kind) || FAILED.equals(kind) || CANCELLED.equals(kind);
    }
}
