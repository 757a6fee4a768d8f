package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.apps.ContainerService;
import com.alai.cloud.components.apps.ContainerServiceArgs;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.contracts.FoundationOutputs;
import com.pulumi.resources.ComponentResourceOptions;

/** The house defaults every phase's apps share: sizing, identity pull, the OIDC issuer, the image pin. */
final class Apps {
    private Apps() {
    }

    static ContainerServiceArgs.Builder service(StackEnvironment environment, Scope scope, FoundationOutputs foundation,
                                                String workload) {
        EnvironmentSettings settings = environment.settings();
        return ContainerServiceArgs.builder()
                .scope(scope)
                .workload(workload)
                .environmentId(foundation.environmentId())
                .image(environment.image(workload))
                .pullWithIdentity(foundation.registryLoginServer(), foundation.identityId())
                .cpu(settings.apps().cpu())
                .memory(settings.apps().memory())
                .minReplicas(settings.apps().minReplicas())
                .maxReplicas(settings.apps().maxReplicas())
                .allowFrom(settings.ingress().allowedRanges())
                .env("OIDC_ISSUER", settings.auth().issuer())
                .env("OIDC_AUDIENCE", settings.auth().audience())
                .env("PORT", "8080");
    }

    static ContainerService deploy(String workload, ContainerServiceArgs args) {
        return new ContainerService(workload, args, ComponentResourceOptions.Empty);
    }
}
