package com.alai.cloud.services.runner.agent;

import java.util.List;
import java.util.Optional;

/** Where agent definitions come from: a directory now, the skills proxy at its pinned commit later. */
public interface DefinitionSource {
    Optional<AgentDefinition> find(String name);

    List<AgentDefinition> all();
}
