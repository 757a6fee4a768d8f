package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.secrets.BitwardenSecret;
import com.alai.cloud.stacks.config.ModelRoute;
import com.alai.cloud.stacks.config.ModelRouting;
import com.pulumi.Context;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        for (ModelRoute route : routing.routes()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("priority", priority++);
            entry.put("name", route.name());
            entry.put("kind", route.kind().toString());
            entry.put("url", route.url());
            route.model().ifPresent(model -> entry.put("model", model));
            routes.add(entry);
        }
        ctx.export("modelRoutes", Output.of(routes));
        // The first route with a key is the hosted fallback; its key reaches the router only as a secret output.
        routing.apiKeys().stream().findFirst().ifPresent(key ->
                ctx.export("fallbackApiKey", BitwardenSecret.output(environment.secrets(), key)));
    }
}
