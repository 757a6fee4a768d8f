package com.alai.cloud.deploy.plan;

import com.alai.cloud.policy.cost.CostReport;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.rules.PolicyResult;
import com.alai.cloud.stacks.phases.Phase;
import java.util.List;

/** One stack's plan: what it declares, how it fares against policy, and what it costs. */
public record StackPlan(Phase phase, ResourceGraph graph, List<PolicyResult> policy, CostReport cost) {
    public StackPlan {
        policy = List.copyOf(policy);
    }

    public boolean blocked() {
        return policy.stream().anyMatch(PolicyResult::blocking);
    }
}
