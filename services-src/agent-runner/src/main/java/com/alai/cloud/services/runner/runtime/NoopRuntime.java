package com.alai.cloud.services.runner.runtime;

import com.alai.cloud.services.runner.agent.AgentDefinition;

/** Runs nothing and buys nothing: its output is its input. What queue throughput is measured with. */
public final class NoopRuntime implements AgentRuntime {
    @Override
    public String run(AgentDefinition agent, RunContext context) {
        return context.input();
    }
}
