package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.secrets.SecretSource;
import com.alai.cloud.stacks.config.ConfigException;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.ImageRef;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;

/** What a phase program is given: validated settings, the secret source, and how to reach earlier stacks. */
public record StackEnvironment(EnvironmentSettings settings, SecretSource secrets, String organization,
                               String project, boolean requirePinnedImages) {

    /** The image to deploy for {@code service}; a real deployment refuses anything not pinned by digest. */
    public String image(String service) {
        ImageRef image = settings.image(service).orElseThrow(() -> new ConfigException("images",
                "has no entry for " + service + "; add " + service + "=build:" + service + " or a pinned image"));
        if (requirePinnedImages && image.toBuild()) {
            throw new ConfigException("images", service + " is '" + image.value()
                    + "', not yet pinned; run `alai-deploy up` (it builds, pushes and pins) or `alai-deploy images push`");
        }
        return image.value();
    }

    public Scope scope(Phase phase, Output<String> resourceGroupName) {
        return new Scope(settings.naming(), phase.tag(), settings.subscriptionId(), resourceGroupName);
    }

    /** The fully qualified name of a phase's stack, e.g. organization/alai-cloud/dev. */
    public String stackPath(Phase phase) {
        return organization + "/" + project + "/" + phase.stackName(settings.env());
    }

    public StackReference reference(Phase phase) {
        return new StackReference(stackPath(phase), StackReferenceArgs.builder().name(stackPath(phase)).build());
    }
}
