package com.alai.cloud.client.error;

/** The exit codes of every alai command: the one place they are defined (and listed in `alai --help`). */
public enum Exit {
    OK(0, "success"),
    FAILED(1, "the command failed (an API error, a refused login, a local file it cannot use)"),
    USAGE(2, "bad usage: unknown command or option, a missing or malformed argument, a bad config file"),
    NOT_FOUND(3, "what was asked for does not exist (a task, a topic, a profile)"),
    AUTH_REQUIRED(4, "authentication required: no login, the login expired and cannot be refreshed, or the API refused the token"),
    UNREACHABLE(5, "a service did not answer (the error names its URL)");

    public final int code;
    public final String meaning;

    Exit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The "Exit codes:" section of the top-level help. */
    public static String help() {
        var text = new StringBuilder();
        for (Exit exit : values()) {
            text.append(String.format("  %d  %s%n", exit.code, exit.meaning));
        }
        return text.toString();
    }
}
