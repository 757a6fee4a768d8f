package com.alai.cloud.deploy.engine;

/** An engine step failed (pulumi up/refresh, state export); the message says which stack and why. */
public final class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineException(String message) {
        super(message);
    }
}
