package com.alai.cloud.migrate;

/** The migration cannot run as asked (bad file, unreachable database, incompatible target); nothing was written. */
public final class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
