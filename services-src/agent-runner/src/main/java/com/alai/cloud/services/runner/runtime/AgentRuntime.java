package com.alai.cloud.services.runner.runtime;

import com.alai.cloud.services.runner.agent.AgentDefinition;

/** One way of running an agent. It reports through its {@link RunContext} and returns the run's final output. */
public interface AgentRuntime {
    String run(AgentDefinition agent, RunContext context) throws Exception;
}
