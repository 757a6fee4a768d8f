package com.alai.cloud.components.secrets;

/** A secret reference that its source cannot resolve. The message names the reference, never a value. */
public final class SecretNotFoundException extends RuntimeException {
    private final SecretRef ref;
    private final String reason;

    public SecretNotFoundException(SecretRef ref, String source, String reason) {
        super("secret " + ref + " could not be resolved from " + source + ": " + reason);
        this.ref = ref;
        this.reason = source + ": " + reason;
    }

    /** The source and why it failed, without the reference (for joining several sources' reasons). */
    public String reason() {
        return reason;
    }

    public SecretRef ref() {
        return ref;
    }
}
