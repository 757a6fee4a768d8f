package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.secrets.BitwardenSecret;
import com.alai.cloud.stacks.config.ModelRouting;
import com.pulumi.Context;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Phase 5: model routing. Ollama on ANVIL and FORGE (over Tailscale) first, in order, then Together.ai when
 * none answers. Nothing in Azure changes; the route table and the fallback key (secret) are published.
 */
public final class DataPlanePhase implements PhaseProgram {

    @Override
    public Phase phase() {
        return Phase.DATA_PLANE;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        environment.reference(Phase.CLIENT_AUTH);
        ModelRouting routing = environment.settings().routing();
        List<Map<String, Object>> routes = new ArrayList<>();
        int priority = 1;
        for (String endpoint : routing.ollamaEndpoints()) {
            routes.add(Map.of("priority", priority++, "kind", "ollama", "url", endpoint));
        }
        routes.add(Map.of("priority", priority, "kind", "together", "url", routing.fallbackUrl(),
                "model", routing.fallbackModel()));
        ctx.export("modelRoutes", Output.of(routes));
        ctx.export("fallbackApiKey", BitwardenSecret.output(environment.secrets(), routing.fallbackKey()));
    }
}
