package com.alai.cloud.stacks.contracts;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/** Phase 3: the agent runner and the skills/rules proxy. */
public record AgentsOutputs(Output<String> agentRunnerUrl, Output<String> skillsProxyUrl) {

    public void export(Context ctx) {
        ctx.export("agentRunnerUrl", agentRunnerUrl);
        ctx.export("skillsProxyUrl", skillsProxyUrl);
    }

    public static AgentsOutputs from(StackReference ref) {
        return new AgentsOutputs(Outputs.string(ref, "agentRunnerUrl"), Outputs.string(ref, "skillsProxyUrl"));
    }
}
