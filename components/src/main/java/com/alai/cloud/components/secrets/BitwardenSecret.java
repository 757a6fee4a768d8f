package com.alai.cloud.components.secrets;

import com.pulumi.core.Output;

/** Turns a Bitwarden binding into a value Pulumi only ever sees as a secret. */
public final class BitwardenSecret {
    private BitwardenSecret() {
    }

    public static Output<String> output(SecretSource source, SecretRef ref) {
        return Output.ofSecret(source.resolve(ref));
    }
}
