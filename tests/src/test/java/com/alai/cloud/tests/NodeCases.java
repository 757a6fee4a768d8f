package com.alai.cloud.tests;

import com.alai.cloud.components.database.PostgresServer;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Rules whose failing (or passing) input the components never produce, proven on hand-made graphs: each case is
 * (rule, a graph that fails it, a graph that passes it), the two differing in the one input the rule reads.
 */
final class NodeCases {
    static final String ACCOUNT = "stalaidevswcf1e081";
    static final String SERVER = "psql-alai-dev-swc-f1e081";

    private NodeCases() {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ALAI-050", graph(app(Map.of("stickySessions", Map.of("affinity", "sticky")))),
                        graph(app(Map.of("stickySessions", Map.of("affinity", "none"))))),
                Arguments.of("ALAI-051", graph(node("azure-native:app/v20220601preview:ContainerApp", "mc-api", ingressApp(Map.of()))),
                        graph(node("azure-native:app:ContainerApp", "mc-api", ingressApp(Map.of())))),
                Arguments.of("ALAI-053", graph(environment(Map.of("zoneRedundant", false))),
                        graph(environment(Map.of("zoneRedundant", true)))),
                Arguments.of("ALAI-054", graph(environment(Map.of("vnetConfiguration", Map.of("internal", false)))),
                        graph(environment(Map.of("vnetConfiguration", Map.of("internal", true,
                                "infrastructureSubnetId", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apps"))))),
                Arguments.of("ALAI-027", graph(server(Map.of("authConfig", Map.of("activeDirectoryAuth", "Enabled")))),
                        graph(server(Map.of("authConfig", Map.of("activeDirectoryAuth", "Enabled"))),
                                node("azure-native:dbforpostgresql:Administrator", "postgres-admin", Map.of("serverName", SERVER,
                                        "principalName", "id-alai-acrpull-dev-swc", "principalType", "ServicePrincipal",
                                        "tenantId", "00000000-0000-0000-0000-000000000001")))),
                Arguments.of("ALAI-028", graph(server(Map.of("authConfig", Map.of("passwordAuth", "Enabled")))),
                        graph(server(Map.of("authConfig", Map.of("passwordAuth", "Disabled"))))),
                Arguments.of("ALAI-029", graph(server(Map.of("maintenanceWindow", Map.of("customWindow", "Disabled")))),
                        graph(server(Map.of("maintenanceWindow", Map.of("customWindow", "Enabled", "dayOfWeek", 0, "startHour", 3))))),
                Arguments.of("ALAI-061", graph(server(Map.of())), loggedServer()),
                Arguments.of("ALAI-039", graph(account(Map.of("networkRuleSet", Map.of("defaultAction", "Deny", "bypass", "None")))),
                        graph(account(Map.of("networkRuleSet", Map.of("defaultAction", "Deny", "bypass", "AzureServices"))))),
                Arguments.of("ALAI-070", graph(account(Map.of("publicNetworkAccess", "Enabled"))),
                        graph(account(Map.of("publicNetworkAccess", "Disabled")))),
                Arguments.of("ALAI-071", graph(account(Map.of("sku", Map.of("name", "Standard_LRS")))),
                        graph(account(Map.of("sku", Map.of("name", "Standard_GRS"))))),
                Arguments.of("ALAI-072", graph(account(Map.of()), blobService(Map.of("enabled", false))),
                        graph(account(Map.of()), blobService(Map.of("enabled", true, "days", 14)))),
                Arguments.of("ALAI-073", graph(account(Map.of("isLocalUserEnabled", true))),
                        graph(account(Map.of("isLocalUserEnabled", false)))),
                Arguments.of("ALAI-074", graph(account(Map.of())),
                        graph(account(Map.of("sasPolicy", Map.of("sasExpirationPeriod", "1.00:00:00", "expirationAction", "Log"))))),
                Arguments.of("ALAI-076", graph(account(Map.of("encryption", Map.of("keySource", "Microsoft.Storage")))),
                        graph(account(Map.of("encryption", Map.of("keySource", "Microsoft.Keyvault"))))),
                Arguments.of("ALAI-077", graph(account(Map.of())),
                        graph(account(Map.of()), node("azure-native:security:DefenderForStorage", "backups-defender",
                                Map.of("settingName", "current", "isEnabled", true)))));
    }

    static ResourceGraph graph(ResourceNode... nodes) {
        return new ResourceGraph("dev", List.of(nodes), Map.of());
    }

    static ResourceNode node(String type, String name, Map<String, Object> inputs) {
        return new ResourceNode(type, name, Optional.empty(), inputs, Set.of(), false, Optional.empty(), false);
    }

    private static Map<String, Object> ingressApp(Map<String, Object> ingress) {
        var all = new LinkedHashMap<String, Object>(Map.of("external", false, "allowInsecure", false));
        all.putAll(ingress);
        return Map.of("containerAppName", "ca-alai-mc-api-dev-swc", "configuration", Map.of("ingress", all));
    }

    private static ResourceNode app(Map<String, Object> ingress) {
        return node("azure-native:app:ContainerApp", "mc-api", ingressApp(ingress));
    }

    private static ResourceNode environment(Map<String, Object> inputs) {
        var all = new LinkedHashMap<String, Object>(Map.of("environmentName", "cae-alai-dev-swc"));
        all.putAll(inputs);
        return node("azure-native:app:ManagedEnvironment", "apps", all);
    }

    private static ResourceNode server(Map<String, Object> inputs) {
        var all = new LinkedHashMap<String, Object>(Map.of("serverName", SERVER));
        all.putAll(inputs);
        return node("azure-native:dbforpostgresql:Server", "postgres", all);
    }

    private static ResourceGraph loggedServer() {
        var nodes = new java.util.ArrayList<ResourceNode>(List.of(server(Map.of())));
        for (String key : PostgresServer.LOGGING_PARAMETERS) {
            nodes.add(node("azure-native:dbforpostgresql:Configuration", "postgres-" + key,
                    Map.of("serverName", SERVER, "configurationName", key, "value", "on")));
        }
        return graph(nodes.toArray(ResourceNode[]::new));
    }

    private static ResourceNode account(Map<String, Object> inputs) {
        var all = new LinkedHashMap<String, Object>(Map.of("accountName", ACCOUNT));
        all.putAll(inputs);
        return node("azure-native:storage:StorageAccount", "backups", all);
    }

    private static ResourceNode blobService(Map<String, Object> containerRetention) {
        return node("azure-native:storage:BlobServiceProperties", "backups-blob", Map.of("accountName", ACCOUNT,
                "blobServicesName", "default", "containerDeleteRetentionPolicy", containerRetention));
    }
}
