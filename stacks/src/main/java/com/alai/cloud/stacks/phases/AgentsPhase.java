package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.core.Scope;
import com.alai.cloud.stacks.contracts.AgentsOutputs;
import com.alai.cloud.stacks.contracts.ControlPlaneOutputs;
import com.alai.cloud.stacks.contracts.FoundationOutputs;
import com.pulumi.Context;

/**
 * Phase 3: the agent runner (dispatches Anthropic-powered agents, talks to Mission Control and HiveMind) and the
 * skills/rules proxy (serves ~/system content from git at a pinned commit).
 */
public final class AgentsPhase implements PhaseProgram {

    @Override
    public Phase phase() {
        return Phase.AGENTS;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        var foundation = FoundationOutputs.from(environment.reference(Phase.FOUNDATION));
        var controlPlane = ControlPlaneOutputs.from(environment.reference(Phase.CONTROL_PLANE));
        Scope scope = environment.scope(phase(), foundation.resourceGroupName());
        // The runner and the skills proxy are called only by other apps in the environment: internal ingress.
        var runner = Apps.deploy("agent-runner", Apps.service(environment, scope, foundation, "agent-runner")
                .external(false)
                .env("ALAI_MC_URL", controlPlane.mcApiUrl())
                .env("ALAI_HIVEMIND_URL", controlPlane.hivemindApiUrl())
                .build());
        var skills = Apps.deploy("skills-proxy", Apps.service(environment, scope, foundation, "skills-proxy")
                .external(false)
                .build());
        new AgentsOutputs(runner.url(), skills.url()).export(ctx);
    }
}
