package com.alai.cloud.policy.graph;

/** A phase program that failed under the mock engine; the message carries the program's own errors. */
public final class SynthesisException extends RuntimeException {
    public SynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
