package com.alai.cloud.deploy.validate;

import java.util.Map;

/**
 * One machine-readable check from a runbook's ```check block: an id, a kind, the seed criterion it proves, whether it
 * can run against the local environment, and its kind-specific settings (variables not yet substituted).
 */
public record Check(String id, String kind, String criterion, boolean local, Map<String, Object> spec, String source) {
    public Check {
        spec = Map.copyOf(spec);
    }
}
