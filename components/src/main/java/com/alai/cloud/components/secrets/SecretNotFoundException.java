package com.alai.cloud.components.secrets;

/** A secret reference that its source cannot resolve. The message names the reference, never a value. */
public final class SecretNotFoundException extends RuntimeException {
    private final SecretRef ref;

    public SecretNotFoundException(SecretRef ref, String source, String reason) {
        super("secret " + ref + " could not be resolved from " + source + ": " + reason);
        this.ref = ref;
    }

    public SecretRef ref() {
        return ref;
    }
}
