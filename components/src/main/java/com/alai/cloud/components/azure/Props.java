package com.alai.cloud.components.azure;

/**
 * Input property paths (as the engine receives them) that the policy rules, the cost model and the plan summary
 * read, so a renamed input changes in one place.
 */
public final class Props {
    public static final String SKU_NAME = "sku.name";
    public static final String SKU_TIER = "sku.tier";
    public static final String IMAGE = "template.containers[0].image";
    public static final String CPU = "template.containers[0].resources.cpu";
    public static final String MEMORY = "template.containers[0].resources.memory";
    public static final String PROBES = "template.containers[0].probes";
    public static final String MIN_REPLICAS = "template.scale.minReplicas";
    public static final String MAX_REPLICAS = "template.scale.maxReplicas";
    public static final String INGRESS = "configuration.ingress";
    public static final String ALLOW_INSECURE = "configuration.ingress.allowInsecure";
    public static final String SECRETS = "configuration.secrets";
    public static final String CRON = "configuration.scheduleTriggerConfig.cronExpression";
    public static final String STORAGE_GB = "storage.storageSizeGB";
    public static final String STORAGE_AUTO_GROW = "storage.autoGrow";
    public static final String BACKUP_RETENTION_DAYS = "backup.backupRetentionDays";
    public static final String HA_MODE = "highAvailability.mode";
    public static final String SOFT_DELETE_DAYS = "deleteRetentionPolicy.days";
    public static final String ROLE_DEFINITION = "roleDefinitionId";

    private Props() {
    }
}
