package com.alai.cloud.deploy.flow;

/** Preflight or validation failed (exit 1); the journal records it and the last-known-good stays as it was. */
public final class CheckFailedException extends RuntimeException {
    public CheckFailedException(String message) {
        super(message);
    }
}
