package com.alai.cloud.deploy;

/** The operator asked for something that cannot be done as asked (exit code 2); the message says what to do. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
