package com.alai.cloud.deploy.journal;

import java.util.Map;

/** What a phase last deployed and validated: the commit, its config (and hash), image digests, and when. */
public record LastKnownGood(String commit, String configHash, Map<String, String> config, Map<String, String> digests,
                            String at) {
    public LastKnownGood {
        config = config == null ? Map.of() : Map.copyOf(config);
        digests = digests == null ? Map.of() : Map.copyOf(digests);
    }
}
