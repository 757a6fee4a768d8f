package com.alai.cloud.stacks.phases;

import com.alai.cloud.stacks.config.AuthSettings;
import com.pulumi.Context;
import com.pulumi.core.Output;

/**
 * Phase 4: the OIDC issuer and audience the `alai` client logs in against. Every app already receives them from
 * the one environment setting; this stack publishes them (and the JWKS address) for the client release.
 * Assumption (seeds are silent): the B2C / Entra tenant itself is created by hand, not by this program.
 */
public final class ClientAuthPhase implements PhaseProgram {

    @Override
    public Phase phase() {
        return Phase.CLIENT_AUTH;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        // Declared for ordering: the client phase only makes sense once the agents' stack exists.
        environment.reference(Phase.AGENTS);
        AuthSettings auth = environment.settings().auth();
        String issuer = auth.issuer().endsWith("/") ? auth.issuer().substring(0, auth.issuer().length() - 1) : auth.issuer();
        ctx.export("oidcIssuer", Output.of(issuer));
        ctx.export("oidcAudience", Output.of(auth.audience()));
        ctx.export("oidcDiscoveryUrl", Output.of(issuer + "/.well-known/openid-configuration"));
    }
}
