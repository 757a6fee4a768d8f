package com.alai.cloud.services.bitwarden.client;

/**
 * Why the vault could not be read. {@link Unavailable}: the server did not answer, or answered 5xx/429 — worth a
 * retry. {@link Refused}: it answered and said no (credentials, a vault we cannot open) — a retry will not help.
 * Messages name the server and the step, never a credential or a vault value.
 */
public sealed class BitwardenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BitwardenException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class Unavailable extends BitwardenException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class Refused extends BitwardenException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null);
        }
    }
}
