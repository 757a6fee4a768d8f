package com.alai.cloud.deploy.journal;

import java.util.ArrayList;
import java.util.List;

/** One stack's line in the journal. Validation is NEVER, VALIDATED or FAILED. */
public record PhaseEntry(String stack, LastKnownGood lastKnownGood, String validation, String validatedAt,
                         InFlight inFlight, List<String> history) {
    public static final String NEVER = "NEVER";
    public static final String VALIDATED = "VALIDATED";
    public static final String FAILED = "FAILED";

    public PhaseEntry {
        validation = validation == null ? NEVER : validation;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static PhaseEntry empty(String stack) {
        return new PhaseEntry(stack, null, NEVER, null, null, List.of());
    }

    public boolean validated() {
        return VALIDATED.equals(validation);
    }

    public PhaseEntry withInFlight(InFlight value) {
        return new PhaseEntry(stack, lastKnownGood, validation, validatedAt, value, history);
    }

    public PhaseEntry withValidation(String state, String at) {
        return new PhaseEntry(stack, lastKnownGood, state, at, inFlight, history);
    }

    public PhaseEntry withLastKnownGood(LastKnownGood value) {
        return new PhaseEntry(stack, value, validation, validatedAt, inFlight, history);
    }

    public PhaseEntry log(String event) {
        var events = new ArrayList<>(history);
        events.add(event);
        // The journal stays small: the last 50 events per stack.
        return new PhaseEntry(stack, lastKnownGood, validation, validatedAt, inFlight,
                events.subList(Math.max(0, events.size() - 50), events.size()));
    }
}
