package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.secrets.SecretRef;
import com.alai.cloud.stacks.contracts.FoundationOutputs;
import com.alai.cloud.stacks.contracts.SecretsOutputs;
import com.pulumi.Context;
import com.pulumi.azurenative.storage.BlobContainerImmutabilityPolicy;
import com.pulumi.azurenative.storage.BlobContainerImmutabilityPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Phase 1 (Bitwarden cloud): the binding manifest of items every later phase relies on, and a time-based
 * immutability policy on the encrypted-export container so an export can't be altered or deleted early.
 */
public final class SecretsPhase implements PhaseProgram {
    public static final String EXPORT_CONTAINER = "bitwarden-exports";

    @Override
    public Phase phase() {
        return Phase.SECRETS;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        var foundation = FoundationOutputs.from(environment.reference(Phase.FOUNDATION));
        new BlobContainerImmutabilityPolicy("bitwarden-exports-immutability", BlobContainerImmutabilityPolicyArgs.builder()
                .accountName(foundation.backupAccountName())
                .resourceGroupName(foundation.resourceGroupName())
                .containerName(EXPORT_CONTAINER)
                .immutabilityPolicyName("default")
                .immutabilityPeriodSinceCreationInDays(environment.settings().backup().exportImmutabilityDays())
                .allowProtectedAppendWrites(false)
                .build(), CustomResourceOptions.builder().protect(true).build());
        var items = environment.settings().secrets().expected().stream().map(SecretRef::toString).toList();
        new SecretsOutputs(Output.of(items), Output.of(EXPORT_CONTAINER)).export(ctx);
    }
}
