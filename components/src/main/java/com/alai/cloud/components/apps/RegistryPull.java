package com.alai.cloud.components.apps;

import com.pulumi.core.Output;

/** How an app authenticates to its registry. Managed identity is the rule; a password is the exception policy flags. */
public sealed interface RegistryPull {
    Output<String> server();

    record ManagedIdentity(Output<String> server, Output<String> identityId) implements RegistryPull {
    }

    record Password(Output<String> server, String username, Output<String> password) implements RegistryPull {
    }
}
