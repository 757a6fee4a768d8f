package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.Props;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.List;
import java.util.Optional;

/** Storage accounts, their blob service and containers, and the export immutability policy. */
final class StorageRules {
    private StorageRules() {
    }

    static List<Rule> all() {
        var account = type(AzureType.STORAGE_ACCOUNT);
        return List.of(
                new Rule("ALAI-030", Severity.MANDATORY, "Storage accepts HTTPS only",
                        "Backups and exports must not travel in clear text.", List.of("CKV_AZURE_3", "Azure.Storage.SecureTransfer"), account,
                        (n, g, c) -> failIf(!Boolean.TRUE.equals(n.at("enableHttpsTrafficOnly").orElse(null)),
                                "enableHttpsTrafficOnly is not true")),
                new Rule("ALAI-031", Severity.MANDATORY, "Storage requires TLS 1.2",
                        "TLS 1.0/1.1 are broken.", List.of("CKV_AZURE_44", "Azure.Storage.MinTLS"), account,
                        (n, g, c) -> failIf(!"TLS1_2".equals(n.string("minimumTlsVersion").orElse("")),
                                "minimumTlsVersion is " + n.string("minimumTlsVersion").orElse("unset"))),
                new Rule("ALAI-032", Severity.MANDATORY, "No public blob access",
                        "Database dumps and vault exports must never be anonymously readable.",
                        List.of("CKV_AZURE_190", "CKV2_AZURE_47", "Azure.Storage.BlobPublicAccess"), account,
                        (n, g, c) -> failIf(!Boolean.FALSE.equals(n.at("allowBlobPublicAccess").orElse(null)),
                                "allowBlobPublicAccess is not false")),
                new Rule("ALAI-033", Severity.MANDATORY, "Containers are private",
                        "A container-level public ACL overrides nothing else; keep every container private.",
                        List.of("CKV_AZURE_34", "Azure.Storage.BlobAccessType"), type(AzureType.BLOB_CONTAINER),
                        (n, g, c) -> failIf(!"None".equals(n.string("publicAccess").orElse("None")),
                                "publicAccess is " + n.string("publicAccess").orElse(""))),
                new Rule("ALAI-034", Severity.MANDATORY, "Blob soft delete is on (7+ days)",
                        "A deleted or overwritten backup must be recoverable.", List.of("CKV2_AZURE_38", "Azure.Storage.SoftDelete"), account,
                        (n, g, c) -> blobService(n, g).map(s -> failIf(
                                !Boolean.TRUE.equals(s.at("deleteRetentionPolicy.enabled").orElse(null))
                                        || s.at(Props.SOFT_DELETE_DAYS).map(v -> ((Number) v).intValue()).orElse(0) < 7,
                                "blob soft delete is off or under 7 days"))
                                .orElse(Optional.of("no blob service properties: soft delete is off"))),
                new Rule("ALAI-035", Severity.MANDATORY, "Backup accounts keep blob versions",
                        "Versioning keeps every overwritten dump restorable.", List.of(), account,
                        (n, g, c) -> blobService(n, g).map(s -> failIf(!Boolean.TRUE.equals(s.at("isVersioningEnabled").orElse(null)),
                                "blob versioning is off")).orElse(Optional.of("no blob service properties: versioning is off"))),
                new Rule("ALAI-036", Severity.ADVISORY, "Shared-key access is disabled",
                        "Account keys bypass identity and never expire.", List.of("CKV2_AZURE_40", "Azure.Storage.LocalAuth"), account,
                        (n, g, c) -> failIf(!Boolean.FALSE.equals(n.at("allowSharedKeyAccess").orElse(null)),
                                "shared-key access is allowed")),
                new Rule("ALAI-037", Severity.MANDATORY, "Vault exports are immutable for 30+ days",
                        "An attacker with write access must not be able to replace or delete the offline vault copy.",
                        List.of(), type(AzureType.BLOB_IMMUTABILITY_POLICY),
                        (n, g, c) -> failIf(n.at("immutabilityPeriodSinceCreationInDays").map(v -> ((Number) v).intValue()).orElse(0) < 30
                                        || Boolean.TRUE.equals(n.at("allowProtectedAppendWrites").orElse(false)),
                                "immutability is under 30 days or allows appends")));
    }

    static Optional<ResourceNode> blobService(ResourceNode account, ResourceGraph graph) {
        return graph.ofType(AzureType.BLOB_SERVICE).stream()
                .filter(s -> s.string("accountName").filter(account.physicalName()::equals).isPresent())
                .findFirst();
    }
}
