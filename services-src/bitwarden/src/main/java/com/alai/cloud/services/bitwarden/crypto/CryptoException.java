package com.alai.cloud.services.bitwarden.crypto;

/** A value that cannot be opened: malformed, of a type we do not read, or not for this key. Never holds plaintext. */
public final class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }
}
