package com.alai.cloud.deploy.plan;

import com.alai.cloud.components.azure.Props;
import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.RoleDefinition;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.List;

/** The handful of properties an operator checks for each kind of resource, as one line. */
final class ResourceSummary {
    private ResourceSummary() {
    }

    static String of(ResourceNode node) {
        List<String> parts = new ArrayList<>();
        switch (AzureType.of(node.type()).orElse(null)) {
            case RESOURCE_GROUP -> add(parts, node, "location", "location");
            case LOG_ANALYTICS -> {
                add(parts, node, "sku", Props.SKU_NAME);
                add(parts, node, "retention", "retentionInDays");
                add(parts, node, "capGB/day", "workspaceCapping.dailyQuotaGb");
            }
            case APPS_ENVIRONMENT -> {
                add(parts, node, "logs", "appLogsConfiguration.destination");
                parts.add("sharedKey=" + (node.isSecret("appLogsConfiguration.logAnalyticsConfiguration.sharedKey") ? "secret" : "PLAIN"));
            }
            case CONTAINER_REGISTRY -> {
                add(parts, node, "sku", Props.SKU_NAME);
                add(parts, node, "adminUser", "adminUserEnabled");
            }
            case ROLE_ASSIGNMENT -> parts.add("role=" + role(node.string(Props.ROLE_DEFINITION).orElse("")));
            case CONTAINER_APP -> {
                add(parts, node, "image", Props.IMAGE);
                add(parts, node, "cpu", Props.CPU);
                add(parts, node, "mem", Props.MEMORY);
                parts.add("replicas=" + number(node, Props.MIN_REPLICAS) + ".." + number(node, Props.MAX_REPLICAS));
                parts.add("ingress=" + (Boolean.TRUE.equals(node.at(Props.ALLOW_INSECURE).orElse(false)) ? "http+https" : "https-only"));
                parts.add("probes=" + node.list(Props.PROBES).size());
                parts.add("secretRefs=" + node.list(Props.SECRETS).size());
            }
            case CONTAINER_APP_JOB -> {
                add(parts, node, "cron", Props.CRON);
                add(parts, node, "image", Props.IMAGE);
            }
            case POSTGRES_SERVER -> {
                add(parts, node, "sku", Props.SKU_NAME);
                add(parts, node, "tier", Props.SKU_TIER);
                add(parts, node, "version", "version");
                parts.add("storage=" + number(node, Props.STORAGE_GB) + "GB/" + node.string(Props.STORAGE_AUTO_GROW).orElse("?"));
                parts.add("backup=" + number(node, Props.BACKUP_RETENTION_DAYS) + "d");
                add(parts, node, "ha", Props.HA_MODE);
            }
            case POSTGRES_CONFIGURATION ->
                    parts.add(node.string("configurationName").orElse("?") + "=" + node.string("value").orElse("?"));
            case POSTGRES_FIREWALL_RULE ->
                    parts.add(node.string("startIpAddress").orElse("?") + "-" + node.string("endIpAddress").orElse("?"));
            case STORAGE_ACCOUNT -> {
                add(parts, node, "httpsOnly", "enableHttpsTrafficOnly");
                add(parts, node, "tls", "minimumTlsVersion");
                add(parts, node, "publicBlob", "allowBlobPublicAccess");
                add(parts, node, "sharedKey", "allowSharedKeyAccess");
            }
            case BLOB_SERVICE -> {
                parts.add("softDelete=" + number(node, Props.SOFT_DELETE_DAYS) + "d");
                add(parts, node, "versioning", "isVersioningEnabled");
            }
            case BLOB_CONTAINER -> add(parts, node, "publicAccess", "publicAccess");
            case BLOB_IMMUTABILITY_POLICY -> add(parts, node, "days", "immutabilityPeriodSinceCreationInDays");
            case null, default -> { }
        }
        if (node.protect()) {
            parts.add("[protected]");
        }
        node.importId().ifPresent(id -> parts.add("[adopt]"));
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, ResourceNode node, String label, String path) {
        node.at(path).ifPresent(v -> parts.add(label + "=" + format(v)));
    }

    private static String number(ResourceNode node, String path) {
        return node.at(path).map(ResourceSummary::format).orElse("?");
    }

    static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static String role(String id) {
        return RoleDefinition.ofId(id).map(RoleDefinition::roleName).orElse(id.substring(id.lastIndexOf('/') + 1));
    }
}
