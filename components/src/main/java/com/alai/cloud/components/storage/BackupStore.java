package com.alai.cloud.components.storage;

import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.insights.DiagnosticSettingArgs;
import com.pulumi.azurenative.insights.inputs.LogSettingsArgs;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobServiceProperties;
import com.pulumi.azurenative.storage.BlobServicePropertiesArgs;
import com.pulumi.azurenative.storage.ManagementPolicy;
import com.pulumi.azurenative.storage.ManagementPolicyArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import com.pulumi.azurenative.storage.inputs.DateAfterCreationArgs;
import com.pulumi.azurenative.storage.inputs.DateAfterModificationArgs;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicyActionArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicyBaseBlobArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicyDefinitionArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicyFilterArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicyRuleArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicySchemaArgs;
import com.pulumi.azurenative.storage.inputs.ManagementPolicyVersionArgs;
import com.pulumi.azurenative.storage.inputs.SasPolicyArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * The backup storage account (system-db-backups, system-git-bundles, bitwarden-exports): HTTPS and TLS 1.2 only,
 * no public blobs, soft delete and versioning, lifecycle tiering and expiry. Protected; can adopt the existing
 * account instead of creating one.
 */
public final class BackupStore extends AlaiComponent {
    /** Services whose access is logged: the account keeps only blobs, but queue and table endpoints answer too. */
    public static final List<String> LOGGED_SERVICES = List.of("blobServices", "queueServices", "tableServices");
    /** Log categories that put every read, write and delete on record. */
    public static final List<String> ACCESS_LOG_CATEGORIES = List.of("StorageRead", "StorageWrite", "StorageDelete");

    private final Output<String> accountName;
    private final Output<String> id;
    private final Output<String> blobEndpoint;

    public BackupStore(String name, BackupStoreArgs args, ComponentResourceOptions options) {
        super("BackupStore", name, options);
        Scope scope = args.scope();
        String physicalName = args.adopt().map(BackupStoreArgs.Adoption::accountName)
                .orElseGet(() -> scope.naming().global(Kind.STORAGE_ACCOUNT));
        var account = new StorageAccount(name, StorageAccountArgs.builder()
                .accountName(physicalName)
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .kind("StorageV2")
                // GRS: a copy in the paired region (Sweden South, data stays in Sweden) for ~$0.13/month on 5 GB.
                .sku(SkuArgs.builder().name("Standard_GRS").build())
                .accessTier(com.pulumi.azurenative.storage.enums.AccessTier.Hot)
                .enableHttpsTrafficOnly(args.httpsOnly())
                .minimumTlsVersion(args.minimumTlsVersion())
                .allowBlobPublicAccess(args.allowBlobPublicAccess())
                .allowSharedKeyAccess(args.allowSharedKeyAccess())
                .defaultToOAuthAuthentication(true)
                .isLocalUserEnabled(false)
                .isSftpEnabled(false)
                // Tokens are minted for minutes by `backup verify`; a day is the ceiling anyone may ask for.
                .sasPolicy(SasPolicyArgs.builder().sasExpirationPeriod("1.00:00:00").expirationAction("Log").build())
                .networkRuleSet(args.network().ruleSet())
                .tags(scope.tags())
                .build(), protectedChild(args.adopt().map(BackupStoreArgs.Adoption::resourceId).orElse(null)));
        Output<String> accountRef = account.name();
        var retention = DeleteRetentionPolicyArgs.builder().enabled(true).days(args.softDeleteDays()).build();
        var blobService = new BlobServiceProperties(name + "-blob", BlobServicePropertiesArgs.builder()
                .accountName(accountRef)
                .resourceGroupName(scope.resourceGroupName())
                .blobServicesName("default")
                .deleteRetentionPolicy(retention)
                .containerDeleteRetentionPolicy(retention)
                .isVersioningEnabled(args.versioning())
                .build(), child());
        for (String container : args.containers()) {
            new BlobContainer(name + "-" + container, BlobContainerArgs.builder()
                    .accountName(accountRef)
                    .resourceGroupName(scope.resourceGroupName())
                    .containerName(container)
                    .publicAccess(PublicAccess.None)
                    .build(), com.pulumi.resources.CustomResourceOptions.builder()
                    .parent(this).protect(true).dependsOn(blobService).build());
        }
        new ManagementPolicy(name + "-lifecycle", ManagementPolicyArgs.builder()
                .accountName(accountRef)
                .resourceGroupName(scope.resourceGroupName())
                .managementPolicyName("default")
                .policy(ManagementPolicySchemaArgs.builder().rules(List.of(lifecycle(args))).build())
                .build(), child());
        args.accessLogWorkspace().ifPresent(workspace -> accessLogs(name, account, workspace));
        this.accountName = accountRef;
        this.id = account.id();
        this.blobEndpoint = account.primaryEndpoints().applyValue(endpoints -> endpoints.blob());
        registerOutputs(Map.of("accountName", accountName, "id", id, "blobEndpoint", blobEndpoint));
    }

    /** Who read a dump is the first question after a leak: reads, writes and deletes go to Log Analytics. */
    private void accessLogs(String name, StorageAccount account, Output<String> workspace) {
        for (String service : LOGGED_SERVICES) {
            new DiagnosticSetting(name + "-logs-" + service, DiagnosticSettingArgs.builder()
                    .name("access-logs")
                    .resourceUri(account.id().applyValue(id -> id + "/" + service + "/default"))
                    .workspaceId(workspace)
                    .logs(ACCESS_LOG_CATEGORIES.stream()
                            .map(category -> LogSettingsArgs.builder().category(category).enabled(true).build()).toList())
                    .build(), child());
        }
    }

    private static ManagementPolicyRuleArgs lifecycle(BackupStoreArgs args) {
        return ManagementPolicyRuleArgs.builder()
                .name("tier-and-expire-backups")
                .enabled(true)
                .type("Lifecycle")
                .definition(ManagementPolicyDefinitionArgs.builder()
                        .filters(ManagementPolicyFilterArgs.builder()
                                .blobTypes(List.of("blockBlob"))
                                .prefixMatch(List.of("system-db-backups/", "system-git-bundles/"))
                                .build())
                        .actions(ManagementPolicyActionArgs.builder()
                                .baseBlob(ManagementPolicyBaseBlobArgs.builder()
                                        .tierToCool(after(args.coolAfterDays()))
                                        .delete(after(args.deleteAfterDays()))
                                        .build())
                                .version(ManagementPolicyVersionArgs.builder()
                                        .delete(DateAfterCreationArgs.builder()
                                                .daysAfterCreationGreaterThan((double) args.softDeleteDays())
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private static DateAfterModificationArgs after(int days) {
        return DateAfterModificationArgs.builder().daysAfterModificationGreaterThan((double) days).build();
    }

    public Output<String> accountName() {
        return accountName;
    }

    public Output<String> id() {
        return id;
    }

    public Output<String> blobEndpoint() {
        return blobEndpoint;
    }
}
