package com.alai.cloud.components.core;

import com.alai.cloud.components.naming.Naming;
import com.pulumi.core.Output;
import java.util.Map;
import java.util.Objects;

/** Where a component's resources go: naming, the phase that owns them, subscription and resource group. */
public record Scope(Naming naming, String phase, String subscriptionId, Output<String> resourceGroupName) {
    public Scope {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroupName, "resourceGroupName");
    }

    public String location() {
        return naming.location();
    }

    public Map<String, String> tags() {
        return naming.tags(phase);
    }
}
