package com.alai.cloud.components.apps;

import java.util.Optional;

/** HTTP probe paths; an empty path means no probe of that kind (which the policy reports). */
public record Probes(Optional<String> liveness, Optional<String> readiness, Optional<String> startup) {

    /** The paths every service built on services-src/common serves. */
    public static Probes standard() {
        return new Probes(Optional.of("/healthz"), Optional.of("/readyz"), Optional.of("/healthz"));
    }

    public static Probes none() {
        return new Probes(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
