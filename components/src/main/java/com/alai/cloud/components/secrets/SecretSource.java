package com.alai.cloud.components.secrets;

/**
 * Where secret values come from at deploy time. Implementations never log a value and never put one
 * in an exception message.
 */
public interface SecretSource {

    /** The value of {@code ref}; throws {@link SecretNotFoundException} when the source has no such item or field. */
    String resolve(SecretRef ref);

    /** A short description for messages, e.g. "Bitwarden (bw CLI)". */
    String describe();
}
