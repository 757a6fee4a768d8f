package com.alai.cloud.stacks.contracts;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/** Phase 2: where Mission Control, HiveMind and their database live. */
public record ControlPlaneOutputs(Output<String> postgresFqdn, Output<String> mcApiUrl, Output<String> hivemindApiUrl) {

    public void export(Context ctx) {
        ctx.export("postgresFqdn", postgresFqdn);
        ctx.export("mcApiUrl", mcApiUrl);
        ctx.export("hivemindApiUrl", hivemindApiUrl);
    }

    public static ControlPlaneOutputs from(StackReference ref) {
        return new ControlPlaneOutputs(Outputs.string(ref, "postgresFqdn"), Outputs.string(ref, "mcApiUrl"),
                Outputs.string(ref, "hivemindApiUrl"));
    }
}
