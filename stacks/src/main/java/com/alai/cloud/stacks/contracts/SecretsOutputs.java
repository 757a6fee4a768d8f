package com.alai.cloud.stacks.contracts;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import java.util.List;

/** Phase 1: the Bitwarden items that must resolve (references only) and where encrypted exports are kept. */
public record SecretsOutputs(Output<List<String>> expectedItems, Output<String> exportContainer) {

    public void export(Context ctx) {
        ctx.export("expectedItems", expectedItems);
        ctx.export("exportContainer", exportContainer);
    }

    public static SecretsOutputs from(StackReference ref) {
        return new SecretsOutputs(Outputs.strings(ref, "expectedItems"), Outputs.string(ref, "exportContainer"));
    }
}
