package com.alai.cloud.policy.graph;

import com.alai.cloud.components.database.FlexibleServer;
import com.pulumi.test.Mocks;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the mock engine the way Azure would, deterministically: ARM ids, FQDNs, identity ids, and for a
 * StackReference the exports of that stack's own offline synthesis.
 */
final class MockCloud implements Mocks {
    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private static final Map<String, String> ARM_TYPES = Map.ofEntries(
            Map.entry("azure-native:operationalinsights:Workspace", "Microsoft.OperationalInsights/workspaces"),
            Map.entry("azure-native:app:ManagedEnvironment", "Microsoft.App/managedEnvironments"),
            Map.entry("azure-native:app:ContainerApp", "Microsoft.App/containerApps"),
            Map.entry("azure-native:app:Job", "Microsoft.App/jobs"),
            Map.entry("azure-native:containerregistry:Registry", "Microsoft.ContainerRegistry/registries"),
            Map.entry("azure-native:managedidentity:UserAssignedIdentity", "Microsoft.ManagedIdentity/userAssignedIdentities"),
            Map.entry("azure-native:storage:StorageAccount", "Microsoft.Storage/storageAccounts"),
            Map.entry("azure-native:dbforpostgresql:Server", "Microsoft.DBforPostgreSQL/flexibleServers"),
            Map.entry("azure-native:dbforpostgresql:Database", "Microsoft.DBforPostgreSQL/flexibleServers/databases"),
            Map.entry("azure-native:authorization:RoleAssignment", "Microsoft.Authorization/roleAssignments"));

    private final Recorder recorder;
    private final String subscriptionId;
    private final Map<String, Map<String, Object>> stackExports;

    MockCloud(Recorder recorder, String subscriptionId, Map<String, Map<String, Object>> stackExports) {
        this.recorder = recorder;
        this.subscriptionId = subscriptionId;
        this.stackExports = stackExports;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        recorder.inputs(args.type, args.name, args.inputs);
        if (STACK_REFERENCE.equals(args.type)) {
            Map<String, Object> outputs = stackExports.get(args.name);
            if (outputs == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "stack reference " + args.name + " has no synthesized exports; synthesize that phase first"));
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name),
                    Map.of("name", args.name, "outputs", outputs, "secretOutputNames", List.of())));
        }
        var state = new HashMap<String, Object>(args.inputs);
        // ContainerApp/Job identity goes in as a list and comes back as a map; echoing it breaks deserialisation.
        state.remove("identity");
        String physical = ResourceNode.physicalName(args.type, args.inputs, args.name);
        state.put("name", physical);
        String id = armId(args, physical);
        switch (args.type) {
            case "azure-native:operationalinsights:Workspace" -> state.put("customerId", uuid("customer", physical));
            case "azure-native:app:ManagedEnvironment" ->
                    state.put("defaultDomain", hash(physical) + ".swedencentral.azurecontainerapps.io");
            case "azure-native:containerregistry:Registry" -> state.put("loginServer", physical + ".azurecr.io");
            case "azure-native:managedidentity:UserAssignedIdentity" -> {
                state.put("principalId", uuid("principal", physical));
                state.put("clientId", uuid("client", physical));
            }
            case "azure-native:storage:StorageAccount" ->
                    state.put("primaryEndpoints", Map.of("blob", "https://" + physical + ".blob.core.windows.net/"));
            case "azure-native:app:ContainerApp" -> {
                String fqdn = physical + "." + hash("env") + ".swedencentral.azurecontainerapps.io";
                state.put("latestRevisionFqdn", fqdn);
                state.put("configuration", Map.of("ingress", Map.of("fqdn", fqdn)));
            }
            default -> {
                if (args.type.equals(FlexibleServer.TYPE)) {
                    state.put("fullyQualifiedDomainName", physical + ".postgres.database.azure.com");
                }
            }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.endsWith(":getSharedKeys")) {
            return CompletableFuture.completedFuture(Map.of("primarySharedKey", "offline-shared-key"));
        }
        return CompletableFuture.completedFuture(Map.of());
    }

    private String armId(ResourceArgs args, String physical) {
        String group = String.valueOf(args.inputs.getOrDefault("resourceGroupName", physical));
        String provider = ARM_TYPES.getOrDefault(args.type.replaceFirst("/v[0-9a-z]+:", ":"), args.type);
        if (args.type.endsWith("resources:ResourceGroup")) {
            return "/subscriptions/" + subscriptionId + "/resourceGroups/" + physical;
        }
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + provider + "/" + physical;
    }

    private static String uuid(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hash(String seed) {
        return Integer.toHexString(seed.hashCode() & 0xfffffff);
    }
}
