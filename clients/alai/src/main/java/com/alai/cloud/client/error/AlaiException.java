package com.alai.cloud.client.error;

/** An error the user must see: one message saying what to do, and the exit code it maps to. */
public class AlaiException extends RuntimeException {
    private final Exit exit;

    public AlaiException(Exit exit, String message) {
        super(message);
        this.exit = exit;
    }

    public AlaiException(Exit exit, String message, Throwable cause) {
        super(message, cause);
        this.exit = exit;
    }

    public Exit exit() {
        return exit;
    }

    public static AlaiException failed(String message) {
        return new AlaiException(Exit.FAILED, message);
    }

    public static AlaiException usage(String message) {
        return new AlaiException(Exit.USAGE, message);
    }

    public static AlaiException notFound(String message) {
        return new AlaiException(Exit.NOT_FOUND, message);
    }

    public static AlaiException authRequired(String message) {
        return new AlaiException(Exit.AUTH_REQUIRED, message);
    }

    public static AlaiException unreachable(String url, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new AlaiException(Exit.UNREACHABLE, url + " did not answer (" + why + "); is the service up and the URL right?", cause);
    }
}
