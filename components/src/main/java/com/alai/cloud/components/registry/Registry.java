package com.alai.cloud.components.registry;

import com.alai.cloud.components.azure.RoleDefinition;
import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.containerregistry.RegistryArgs;
import com.pulumi.azurenative.containerregistry.inputs.SkuArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.Map;

/**
 * Azure Container Registry plus the user-assigned identity every app pulls with (AcrPull on this registry).
 * The admin user stays off by default; the flag exists so the policy tests can prove it is caught.
 */
public final class Registry extends AlaiComponent {
    private final Output<String> id;
    private final Output<String> loginServer;
    private final Output<String> identityId;
    private final Output<String> identityPrincipalId;
    private final Output<String> identityClientId;

    /**
     * Anonymous pull has no switch here: azure-native 2.10.0 binds registry API 2022-12-01, which lacks the
     * property, and the service keeps it off unless set (and Basic cannot enable it at all).
     */
    public record Args(Scope scope, String sku, boolean adminUserEnabled) {
        public static Args secure(Scope scope) {
            return new Args(scope, "Basic", false);
        }
    }

    public Registry(String name, Args args, ComponentResourceOptions options) {
        super("Registry", name, options);
        Scope scope = args.scope();
        var registry = new com.pulumi.azurenative.containerregistry.Registry(name, RegistryArgs.builder()
                .registryName(scope.naming().global(Kind.CONTAINER_REGISTRY))
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .sku(SkuArgs.builder().name(args.sku()).build())
                .adminUserEnabled(args.adminUserEnabled())
                .publicNetworkAccess("Enabled")
                .tags(scope.tags())
                .build(), child());
        var identity = new UserAssignedIdentity(name + "-pull", UserAssignedIdentityArgs.builder()
                .resourceName(scope.naming().regional(Kind.MANAGED_IDENTITY, "acrpull"))
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .tags(scope.tags())
                .build(), child());
        new RoleAssignment(name + "-acrpull", RoleAssignmentArgs.builder()
                .principalId(identity.principalId())
                .principalType("ServicePrincipal")
                .roleDefinitionId(RoleDefinition.ACR_PULL.id(scope.subscriptionId()))
                .scope(registry.id())
                .build(), child());
        this.id = registry.id();
        this.loginServer = registry.loginServer();
        this.identityId = identity.id();
        this.identityPrincipalId = identity.principalId();
        this.identityClientId = identity.clientId();
        registerOutputs(Map.of("id", id, "loginServer", loginServer, "identityId", identityId,
                "identityClientId", identityClientId));
    }

    public Output<String> id() {
        return id;
    }

    public Output<String> loginServer() {
        return loginServer;
    }

    public Output<String> identityId() {
        return identityId;
    }

    public Output<String> identityPrincipalId() {
        return identityPrincipalId;
    }

    public Output<String> identityClientId() {
        return identityClientId;
    }
}
