package com.alai.cloud.components.naming;

import java.util.List;

/** Tag keys every resource carries. */
public final class Tags {
    public static final String ENV = "env";
    public static final String PHASE = "phase";
    public static final String OWNER = "owner";
    public static final String COST_CENTER = "cost-center";
    public static final String MANAGED_BY = "managed-by";

    /** The tags the policy requires on every taggable resource. */
    public static final List<String> REQUIRED = List.of(ENV, PHASE, OWNER, COST_CENTER);

    private Tags() {
    }
}
