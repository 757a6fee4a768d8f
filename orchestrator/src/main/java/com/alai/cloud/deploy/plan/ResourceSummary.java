package com.alai.cloud.deploy.plan;

import com.alai.cloud.components.database.FlexibleServer;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.List;

/** The handful of properties an operator checks for each kind of resource, as one line. */
final class ResourceSummary {
    private ResourceSummary() {
    }

    static String of(ResourceNode node) {
        List<String> parts = new ArrayList<>();
        switch (node.shortType()) {
            case "resources:ResourceGroup" -> add(parts, node, "location", "location");
            case "operationalinsights:Workspace" -> {
                add(parts, node, "sku", "sku.name");
                add(parts, node, "retention", "retentionInDays");
                add(parts, node, "capGB/day", "workspaceCapping.dailyQuotaGb");
            }
            case "app:ManagedEnvironment" -> {
                add(parts, node, "logs", "appLogsConfiguration.destination");
                parts.add("sharedKey=" + (node.isSecret("appLogsConfiguration.logAnalyticsConfiguration.sharedKey") ? "secret" : "PLAIN"));
            }
            case "containerregistry:Registry" -> {
                add(parts, node, "sku", "sku.name");
                add(parts, node, "adminUser", "adminUserEnabled");
            }
            case "authorization:RoleAssignment" -> parts.add("role=" + role(node.string("roleDefinitionId").orElse("")));
            case "app:ContainerApp" -> {
                add(parts, node, "image", "template.containers[0].image");
                add(parts, node, "cpu", "template.containers[0].resources.cpu");
                add(parts, node, "mem", "template.containers[0].resources.memory");
                parts.add("replicas=" + number(node, "template.scale.minReplicas") + ".." + number(node, "template.scale.maxReplicas"));
                parts.add("ingress=" + (Boolean.TRUE.equals(node.at("configuration.ingress.allowInsecure").orElse(false)) ? "http+https" : "https-only"));
                parts.add("probes=" + node.list("template.containers[0].probes").size());
                parts.add("secretRefs=" + node.list("configuration.secrets").size());
            }
            case "app:Job" -> {
                add(parts, node, "cron", "configuration.scheduleTriggerConfig.cronExpression");
                add(parts, node, "image", "template.containers[0].image");
            }
            case FlexibleServer.SHORT_TYPE -> {
                add(parts, node, "sku", "sku.name");
                add(parts, node, "tier", "sku.tier");
                add(parts, node, "version", "version");
                parts.add("storage=" + number(node, "storage.storageSizeGB") + "GB/" + node.string("storage.autoGrow").orElse("?"));
                parts.add("backup=" + number(node, "backup.backupRetentionDays") + "d");
                add(parts, node, "ha", "highAvailability.mode");
            }
            case "dbforpostgresql:Configuration" ->
                    parts.add(node.string("configurationName").orElse("?") + "=" + node.string("value").orElse("?"));
            case "dbforpostgresql:FirewallRule" ->
                    parts.add(node.string("startIpAddress").orElse("?") + "-" + node.string("endIpAddress").orElse("?"));
            case "storage:StorageAccount" -> {
                add(parts, node, "httpsOnly", "enableHttpsTrafficOnly");
                add(parts, node, "tls", "minimumTlsVersion");
                add(parts, node, "publicBlob", "allowBlobPublicAccess");
                add(parts, node, "sharedKey", "allowSharedKeyAccess");
            }
            case "storage:BlobServiceProperties" -> {
                parts.add("softDelete=" + number(node, "deleteRetentionPolicy.days") + "d");
                add(parts, node, "versioning", "isVersioningEnabled");
            }
            case "storage:BlobContainer" -> add(parts, node, "publicAccess", "publicAccess");
            case "storage:BlobContainerImmutabilityPolicy" -> add(parts, node, "days", "immutabilityPeriodSinceCreationInDays");
            default -> { }
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
        if (id.endsWith("7f951dda-4ed3-4680-a7ca-43fe172d538d")) {
            return "AcrPull";
        }
        if (id.endsWith("ba92f5b4-2d11-453d-a403-e96b0029c9fe")) {
            return "StorageBlobDataContributor";
        }
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
