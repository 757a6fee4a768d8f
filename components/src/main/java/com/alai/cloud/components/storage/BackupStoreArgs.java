package com.alai.cloud.components.storage;

import com.alai.cloud.components.core.Scope;
import com.pulumi.core.Output;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of a {@link BackupStore}. {@link #secure(Scope)} is the hardened default; relaxing a setting is an
 * exception the policy reports.
 *
 * @param adopt an existing account to take over (name and ARM id) instead of creating a new one
 */
public record BackupStoreArgs(Scope scope, Optional<Adoption> adopt, List<String> containers, boolean httpsOnly,
                              String minimumTlsVersion, boolean allowBlobPublicAccess, boolean allowSharedKeyAccess,
                              int softDeleteDays, boolean versioning, int coolAfterDays, int deleteAfterDays,
                              StorageNetwork network, Optional<Output<String>> accessLogWorkspace) {

    public static final List<String> CONTAINERS = List.of("system-db-backups", "system-git-bundles", "bitwarden-exports");

    /** An existing storage account adopted through `pulumi import` semantics. */
    public record Adoption(String accountName, String resourceId) {
        public Adoption {
            if (accountName == null || !accountName.matches("[a-z0-9]{3,24}")) {
                throw new IllegalArgumentException("storage account name '" + accountName + "' must be 3-24 lowercase letters/digits");
            }
            if (resourceId == null || !resourceId.startsWith("/subscriptions/")
                    || !resourceId.endsWith("/providers/Microsoft.Storage/storageAccounts/" + accountName)) {
                throw new IllegalArgumentException("import id for " + accountName
                        + " must be the account's ARM id (/subscriptions/.../providers/Microsoft.Storage/storageAccounts/" + accountName + ")");
            }
        }
    }

    public BackupStoreArgs {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(adopt, "adopt");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(accessLogWorkspace, "accessLogWorkspace");
        containers = List.copyOf(containers);
        if (softDeleteDays < 1 || softDeleteDays > 365) {
            throw new IllegalArgumentException("soft delete must be 1-365 days, was " + softDeleteDays);
        }
        if (deleteAfterDays <= coolAfterDays) {
            throw new IllegalArgumentException("backups must be deleted after (" + deleteAfterDays
                    + " d) they move to cool storage (" + coolAfterDays + " d)");
        }
    }

    public static BackupStoreArgs secure(Scope scope) {
        return new BackupStoreArgs(scope, Optional.empty(), CONTAINERS, true, "TLS1_2", false, false, 14, true, 30, 90,
                StorageNetwork.open(), Optional.empty());
    }

    public BackupStoreArgs withAdoption(Optional<Adoption> adoption) {
        return new BackupStoreArgs(scope, adoption, containers, httpsOnly, minimumTlsVersion, allowBlobPublicAccess,
                allowSharedKeyAccess, softDeleteDays, versioning, coolAfterDays, deleteAfterDays, network, accessLogWorkspace);
    }

    public BackupStoreArgs withRetention(int softDelete, int coolAfter, int deleteAfter) {
        return new BackupStoreArgs(scope, adopt, containers, httpsOnly, minimumTlsVersion, allowBlobPublicAccess,
                allowSharedKeyAccess, softDelete, versioning, coolAfter, deleteAfter, network, accessLogWorkspace);
    }

    public BackupStoreArgs withNetwork(StorageNetwork rules) {
        return new BackupStoreArgs(scope, adopt, containers, httpsOnly, minimumTlsVersion, allowBlobPublicAccess,
                allowSharedKeyAccess, softDeleteDays, versioning, coolAfterDays, deleteAfterDays, rules, accessLogWorkspace);
    }

    /** Send blob, queue and table reads, writes and deletes to this Log Analytics workspace. */
    public BackupStoreArgs withAccessLogs(Output<String> workspaceId) {
        return new BackupStoreArgs(scope, adopt, containers, httpsOnly, minimumTlsVersion, allowBlobPublicAccess,
                allowSharedKeyAccess, softDeleteDays, versioning, coolAfterDays, deleteAfterDays, network,
                Optional.of(workspaceId));
    }

    public BackupStoreArgs withSharedKeyAccess(boolean allowed) {
        return new BackupStoreArgs(scope, adopt, containers, httpsOnly, minimumTlsVersion, allowBlobPublicAccess,
                allowed, softDeleteDays, versioning, coolAfterDays, deleteAfterDays, network, accessLogWorkspace);
    }

    /** Relaxed transport and access settings, for proving that the policy catches them. */
    public BackupStoreArgs withAccess(boolean https, String tls, boolean publicBlob, boolean keepVersions) {
        return new BackupStoreArgs(scope, adopt, containers, https, tls, publicBlob, allowSharedKeyAccess,
                softDeleteDays, keepVersions, coolAfterDays, deleteAfterDays, network, accessLogWorkspace);
    }
}
