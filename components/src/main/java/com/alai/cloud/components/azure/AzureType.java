package com.alai.cloud.components.azure;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The azure-native resource types this repository declares or checks, each with its ARM type where the offline
 * engine answers ids for it. Types are compared without their API version: {@code dbforpostgresql/v20230301preview:Server}
 * is {@link #POSTGRES_SERVER}.
 */
public enum AzureType {
    RESOURCE_GROUP("resources:ResourceGroup", "Microsoft.Resources/resourceGroups"),
    LOG_ANALYTICS("operationalinsights:Workspace", "Microsoft.OperationalInsights/workspaces"),
    APPS_ENVIRONMENT("app:ManagedEnvironment", "Microsoft.App/managedEnvironments"),
    CONTAINER_APP("app:ContainerApp", "Microsoft.App/containerApps"),
    CONTAINER_APP_JOB("app:Job", "Microsoft.App/jobs"),
    CONTAINER_REGISTRY("containerregistry:Registry", "Microsoft.ContainerRegistry/registries"),
    MANAGED_IDENTITY("managedidentity:UserAssignedIdentity", "Microsoft.ManagedIdentity/userAssignedIdentities"),
    ROLE_ASSIGNMENT("authorization:RoleAssignment", "Microsoft.Authorization/roleAssignments"),
    STORAGE_ACCOUNT("storage:StorageAccount", "Microsoft.Storage/storageAccounts"),
    BLOB_SERVICE("storage:BlobServiceProperties", null),
    BLOB_CONTAINER("storage:BlobContainer", null),
    BLOB_IMMUTABILITY_POLICY("storage:BlobContainerImmutabilityPolicy", null),
    POSTGRES_SERVER("dbforpostgresql:Server", "Microsoft.DBforPostgreSQL/flexibleServers"),
    POSTGRES_DATABASE("dbforpostgresql:Database", "Microsoft.DBforPostgreSQL/flexibleServers/databases"),
    POSTGRES_CONFIGURATION("dbforpostgresql:Configuration", null),
    POSTGRES_FIREWALL_RULE("dbforpostgresql:FirewallRule", null),
    POSTGRES_ADMINISTRATOR("dbforpostgresql:Administrator", null),
    KEY_VAULT("keyvault:Vault", null),
    DEFENDER_FOR_STORAGE("security:DefenderForStorage", null),
    DIAGNOSTIC_SETTING("insights:DiagnosticSetting", null);

    /** The provider prefix of every type token. */
    public static final String PROVIDER = "azure-native:";
    private static final Pattern API_VERSION = Pattern.compile("/v[0-9a-z]+:");

    private final String shortType;
    private final String armType;

    AzureType(String shortType, String armType) {
        this.shortType = shortType;
        this.armType = armType;
    }

    /** Module and resource, e.g. {@code app:ContainerApp}. */
    public String shortType() {
        return shortType;
    }

    /** The full token of the provider's default API version, e.g. {@code azure-native:app:ContainerApp}. */
    public String token() {
        return PROVIDER + shortType;
    }

    /** The ARM resource type (for ids), when the offline engine answers one. */
    public Optional<String> armType() {
        return Optional.ofNullable(armType);
    }

    public boolean matches(String type) {
        return shortType.equals(unversioned(type));
    }

    /** {@code type} (full or short token) without provider prefix and API version: {@code dbforpostgresql:Server}. */
    public static String unversioned(String type) {
        String shortened = type.startsWith(PROVIDER) ? type.substring(PROVIDER.length()) : type;
        return API_VERSION.matcher(shortened).replaceFirst(":");
    }

    public static Optional<AzureType> of(String type) {
        String key = unversioned(type);
        return Arrays.stream(values()).filter(t -> t.shortType.equals(key)).findFirst();
    }
}
