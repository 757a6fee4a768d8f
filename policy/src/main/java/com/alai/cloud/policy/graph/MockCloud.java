package com.alai.cloud.policy.graph;

import com.alai.cloud.components.azure.AzureType;
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
        switch (AzureType.of(args.type).orElse(null)) {
            case LOG_ANALYTICS -> state.put("customerId", uuid("customer", physical));
            case APPS_ENVIRONMENT ->
                    state.put("defaultDomain", hash(physical) + ".swedencentral.azurecontainerapps.io");
            case CONTAINER_REGISTRY -> state.put("loginServer", physical + ".azurecr.io");
            case MANAGED_IDENTITY -> {
                state.put("principalId", uuid("principal", physical));
                state.put("clientId", uuid("client", physical));
            }
            case STORAGE_ACCOUNT ->
                    state.put("primaryEndpoints", Map.of("blob", "https://" + physical + ".blob.core.windows.net/"));
            case CONTAINER_APP -> {
                String fqdn = physical + "." + hash("env") + ".swedencentral.azurecontainerapps.io";
                state.put("latestRevisionFqdn", fqdn);
                state.put("configuration", Map.of("ingress", Map.of("fqdn", fqdn)));
            }
            case POSTGRES_SERVER -> state.put("fullyQualifiedDomainName", physical + ".postgres.database.azure.com");
            case null, default -> { }
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
        String provider = AzureType.of(args.type).flatMap(AzureType::armType).orElse(args.type);
        if (AzureType.RESOURCE_GROUP.matches(args.type)) {
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
