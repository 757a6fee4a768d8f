package com.alai.cloud.deploy.flow;

import com.alai.cloud.stacks.phases.Phase;
import java.util.List;
import java.util.Map;

/** What must hold before a phase is applied; an empty list means go. */
@FunctionalInterface
public interface Preflight {
    List<String> problems(Phase phase, Map<String, String> config);
}
