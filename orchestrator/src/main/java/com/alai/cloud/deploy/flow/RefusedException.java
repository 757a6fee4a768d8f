package com.alai.cloud.deploy.flow;

import com.alai.cloud.deploy.UsageException;

/** The orchestrator will not start an operation as asked (exit 2); the message says what would make it go. */
public final class RefusedException extends UsageException {
    public RefusedException(String message) {
        super(message);
    }
}
