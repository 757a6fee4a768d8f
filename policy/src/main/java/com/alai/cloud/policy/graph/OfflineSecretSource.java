package com.alai.cloud.policy.graph;

import com.alai.cloud.components.secrets.SecretRef;
import com.alai.cloud.components.secrets.SecretSource;

/**
 * Offline synthesis never reads a real secret: every binding resolves to a marker naming the reference, which the
 * program still wraps as a secret, so the graph shows exactly where secrets flow.
 */
public final class OfflineSecretSource implements SecretSource {
    public static final String MARKER = "offline-secret:";

    @Override
    public String resolve(SecretRef ref) {
        return MARKER + ref;
    }

    @Override
    public String describe() {
        return "offline placeholders";
    }
}
