package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.core.Scope;
import com.alai.cloud.stacks.contracts.FoundationOutputs;
import com.alai.cloud.stacks.config.ImageRef;
import com.pulumi.Context;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phase 6: the secrets proxy replaces self-hosted Vaultwarden, and the program refuses to deploy while any
 * setting still points at a legacy endpoint (Vaultwarden, a local SQLite file).
 */
public final class DecommissionPhase implements PhaseProgram {

    @Override
    public Phase phase() {
        return Phase.DECOMMISSION;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        var foundation = FoundationOutputs.from(environment.reference(Phase.FOUNDATION));
        environment.reference(Phase.DATA_PLANE);
        List<String> offending = legacyReferences(environment);
        if (!offending.isEmpty()) {
            throw new IllegalStateException("phase 6 refuses to deploy: settings still reference legacy endpoints: "
                    + offending);
        }
        Scope scope = environment.scope(phase(), foundation.resourceGroupName());
        // Only the other apps call the proxy: internal ingress keeps it off the internet.
        var proxy = Apps.deploy("secrets-proxy", Apps.service(environment, scope, foundation, "secrets-proxy")
                .external(false)
                .env("BW_SERVER", "https://vault.bitwarden.com")
                .build());
        ctx.export("secretsProxyUrl", proxy.url());
        ctx.export("legacyReferences", Output.of(List.<String>of()));
        ctx.export("legacyPatternsChecked", Output.of(environment.settings().secrets().legacyEndpoints()));
    }

    /** Every configured value that contains one of the legacy patterns. */
    static List<String> legacyReferences(StackEnvironment environment) {
        var settings = environment.settings();
        var values = new ArrayList<String>();
        values.add(settings.auth().issuer());
        settings.routing().routes().forEach(route -> values.add(route.url()));
        settings.images().values().stream().map(ImageRef::value).forEach(values::add);
        settings.secrets().expected().forEach(ref -> values.add(ref.toString()));
        var offending = new ArrayList<String>();
        for (String pattern : settings.secrets().legacyEndpoints()) {
            for (String value : values) {
                if (value.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT))) {
                    offending.add(value + " (matches " + pattern + ")");
                }
            }
        }
        return offending;
    }
}
