package com.alai.cloud.deploy.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the orchestrator needs from Pulumi: apply a stack with given config, reconcile it with the cloud, export its
 * state, read its outputs. One implementation drives the Pulumi CLI through the Automation API; another runs the real
 * phase programs under the mock engine, in memory.
 */
public interface StackEngine {

    /** Result of an update. */
    record Deployment(String stack, int resources, Map<String, Object> outputs) {
    }

    /** Differences a refresh found between the recorded state and the cloud, one line each. */
    record Drift(String stack, List<String> changes) {
        public boolean none() {
            return changes.isEmpty();
        }
    }

    Deployment up(String stack, Map<String, String> config, Consumer<String> progress);

    /** Reconciles state with the cloud and reports drift; with {@code previewOnly} the state is left untouched. */
    Drift refresh(String stack, boolean previewOnly, Consumer<String> progress);

    /** The stack's state as JSON, for a checkpoint before an update. */
    String exportState(String stack);

    Map<String, Object> outputs(String stack);
}
