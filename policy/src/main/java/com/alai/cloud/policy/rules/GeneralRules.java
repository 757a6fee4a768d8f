package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.naming.Kind;
import com.alai.cloud.components.naming.Tags;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules every resource answers to: tags, location, naming, protection, secrets. */
final class GeneralRules {
    // Enum collections: a type outside AzureType (null) is simply not contained.
    private static final Map<AzureType, Kind> NAMED = new EnumMap<>(Map.of(
            AzureType.RESOURCE_GROUP, Kind.RESOURCE_GROUP, AzureType.LOG_ANALYTICS, Kind.LOG_ANALYTICS,
            AzureType.APPS_ENVIRONMENT, Kind.APPS_ENVIRONMENT, AzureType.CONTAINER_APP, Kind.CONTAINER_APP,
            AzureType.CONTAINER_APP_JOB, Kind.CONTAINER_APP_JOB, AzureType.MANAGED_IDENTITY, Kind.MANAGED_IDENTITY,
            AzureType.CONTAINER_REGISTRY, Kind.CONTAINER_REGISTRY, AzureType.STORAGE_ACCOUNT, Kind.STORAGE_ACCOUNT,
            AzureType.POSTGRES_SERVER, Kind.POSTGRES_SERVER));
    private static final Set<AzureType> STATEFUL = EnumSet.of(AzureType.RESOURCE_GROUP, AzureType.POSTGRES_SERVER,
            AzureType.POSTGRES_DATABASE, AzureType.STORAGE_ACCOUNT, AzureType.BLOB_CONTAINER, AzureType.KEY_VAULT,
            AzureType.BLOB_IMMUTABILITY_POLICY);

    /** Naming and ARM name-limit rules: ALAI-092 demands the helper's exact name, stricter than either. */
    private static final List<String> NAMING_MIRRORS = List.of("CKV_AZURE_43", "Azure.ACR.Name", "Azure.ACR.Naming",
            "Azure.ContainerApp.Name", "Azure.ContainerApp.Naming", "Azure.ContainerApp.EnvNaming",
            "Azure.ContainerApp.JobNaming", "Azure.Identity.UserAssignedName", "Azure.Log.Name", "Azure.Log.Naming",
            "Azure.Storage.Name", "Azure.Storage.Naming", "Azure.Group.Name", "Azure.Group.Naming");

    private GeneralRules() {
    }

    static AzureType kind(ResourceNode node) {
        return AzureType.of(node.type()).orElse(null);
    }

    static List<Rule> all() {
        return List.of(
                new Rule("ALAI-090", Severity.MANDATORY, "Required tags are set",
                        "Cost and ownership reports group by env, phase, owner and cost-center.",
                        List.of("Azure.Resource.RequiredTags", "Azure.Resource.UseTags", "Azure.Group.RequiredTags"),
                        n -> NAMED.containsKey(kind(n)), GeneralRules::tags),
                new Rule("ALAI-091", Severity.MANDATORY, "Location is allowed",
                        "Data stays in the regions the plan names (swedencentral).", List.of("Azure.Resource.AllowedRegions"),
                        n -> n.at("location").isPresent(),
                        (n, g, c) -> failIf(!c.allowedLocations().contains(n.string("location").orElse("")),
                                "location " + n.string("location").orElse("") + " is not in " + c.allowedLocations())),
                new Rule("ALAI-092", Severity.MANDATORY, "Names follow the naming helper",
                        "Predictable names are how operators and scripts find resources; the helper's names also meet ARM's limits.",
                        NAMING_MIRRORS,
                        n -> NAMED.containsKey(kind(n)),
                        (n, g, c) -> failIf(!c.settings().naming().follows(NAMED.get(kind(n)), n.physicalName()),
                                "name '" + n.physicalName() + "' does not follow the convention")),
                new Rule("ALAI-093", Severity.MANDATORY, "Stateful resources are protected",
                        "`pulumi destroy` or a bad rollback must never delete data.", List.of(),
                        n -> STATEFUL.contains(kind(n)), (n, g, c) -> failIf(!n.protect(), "not protected")),
                new Rule("ALAI-094", Severity.MANDATORY, "No plain input holds a secret",
                        "Pulumi state and previews show plain inputs to anyone with stack access.", List.of(),
                        n -> n.type().startsWith(AzureType.PROVIDER), GeneralRules::plainSecrets));
    }

    private static Optional<String> tags(ResourceNode node, ResourceGraph graph, PolicyContext context) {
        var missing = Tags.REQUIRED.stream().filter(t -> node.tags().get(t) == null || node.tags().get(t).isBlank()).toList();
        return failIf(!missing.isEmpty(), "missing tags " + missing);
    }

    private static Optional<String> plainSecrets(ResourceNode node, ResourceGraph graph, PolicyContext context) {
        var offending = new ArrayList<String>();
        scan(node, node.inputs(), "", offending);
        return failIf(!offending.isEmpty(), "plain inputs look secret: " + offending);
    }

    private static void scan(ResourceNode node, Object value, String path, List<String> offending) {
        if (node.isSecret(path)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            Object name = map.get("name");
            Object pairValue = map.get("value");
            if (name instanceof String n && pairValue instanceof String v && !v.isEmpty() && Patterns.secretName(n)
                    && !node.isSecret(join(path, "value"))) {
                offending.add(join(path, "value") + " (" + n + ")");
            }
            map.forEach((k, v) -> scan(node, v, join(path, String.valueOf(k)), offending));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                scan(node, list.get(i), path + "[" + i + "]", offending);
            }
        } else if (value instanceof String text && !text.isEmpty()) {
            String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            if (Patterns.secretName(key) || Patterns.credentialValue(text)) {
                offending.add(path);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
