package com.alai.cloud.stacks.contracts;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/** What phase 0 (stack `dev`) exports for every later phase. */
public record FoundationOutputs(Output<String> resourceGroupName, Output<String> environmentId,
                                Output<String> environmentDomain, Output<String> registryLoginServer,
                                Output<String> identityId, Output<String> identityClientId,
                                Output<String> identityPrincipalId, Output<String> backupAccountName,
                                Output<String> backupAccountId, Output<String> backupBlobEndpoint) {

    public void export(Context ctx) {
        ctx.export("resourceGroupName", resourceGroupName);
        ctx.export("environmentId", environmentId);
        ctx.export("environmentDomain", environmentDomain);
        ctx.export("registryLoginServer", registryLoginServer);
        ctx.export("identityId", identityId);
        ctx.export("identityClientId", identityClientId);
        ctx.export("identityPrincipalId", identityPrincipalId);
        ctx.export("backupAccountName", backupAccountName);
        ctx.export("backupAccountId", backupAccountId);
        ctx.export("backupBlobEndpoint", backupBlobEndpoint);
    }

    public static FoundationOutputs from(StackReference ref) {
        return new FoundationOutputs(
                Outputs.string(ref, "resourceGroupName"),
                Outputs.string(ref, "environmentId"),
                Outputs.string(ref, "environmentDomain"),
                Outputs.string(ref, "registryLoginServer"),
                Outputs.string(ref, "identityId"),
                Outputs.string(ref, "identityClientId"),
                Outputs.string(ref, "identityPrincipalId"),
                Outputs.string(ref, "backupAccountName"),
                Outputs.string(ref, "backupAccountId"),
                Outputs.string(ref, "backupBlobEndpoint"));
    }
}
