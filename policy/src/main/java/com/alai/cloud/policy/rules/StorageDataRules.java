package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.Props;
import com.alai.cloud.components.storage.BackupStore;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.List;
import java.util.Optional;

/** How the backup account keeps, recovers and records its data. */
final class StorageDataRules {
    private StorageDataRules() {
    }

    static List<Rule> all() {
        var account = type(AzureType.STORAGE_ACCOUNT);
        return List.of(
                new Rule("ALAI-071", Severity.MANDATORY, "Backups are replicated beyond one datacenter",
                        "LRS keeps three copies in one datacenter; GRS adds a copy in the paired region (Sweden South).",
                        List.of("CKV_AZURE_206", "Azure.Storage.UseReplication"), account,
                        (n, g, c) -> failIf(n.string(Props.SKU_NAME).orElse("Standard_LRS").endsWith("_LRS"),
                                "sku " + n.string(Props.SKU_NAME).orElse("Standard_LRS") + " is locally redundant only")),
                new Rule("ALAI-072", Severity.MANDATORY, "Container soft delete is on (7+ days)",
                        "A deleted container takes every backup in it; soft delete makes that recoverable.",
                        List.of("Azure.Storage.ContainerSoftDelete"), account,
                        (n, g, c) -> StorageRules.blobService(n, g).map(s -> failIf(
                                !Boolean.TRUE.equals(s.at("containerDeleteRetentionPolicy.enabled").orElse(null))
                                        || s.at("containerDeleteRetentionPolicy.days").map(v -> ((Number) v).intValue()).orElse(0) < 7,
                                "container soft delete is off or under 7 days"))
                                .orElse(Optional.of("no blob service properties: container soft delete is off"))),
                new Rule("ALAI-073", Severity.MANDATORY, "Storage local users are off",
                        "Local users (SFTP) carry their own passwords and keys, outside Entra.", List.of("CKV_AZURE_244"), account,
                        (n, g, c) -> failIf(!Boolean.FALSE.equals(n.at("isLocalUserEnabled").orElse(null)),
                                "isLocalUserEnabled is not false")),
                new Rule("ALAI-074", Severity.MANDATORY, "SAS tokens expire",
                        "A SAS without an expiration policy can be minted to last for years.", List.of("CKV2_AZURE_41"), account,
                        (n, g, c) -> failIf(n.string("sasPolicy.sasExpirationPeriod").isEmpty(), "no SAS expiration policy")),
                new Rule("ALAI-075", Severity.MANDATORY, "Blob, queue and table access is logged",
                        "Who read a database dump is the first question after a leak.",
                        List.of("CKV2_AZURE_21", "CKV_AZURE_33", "CKV2_AZURE_20"), account, StorageDataRules::accessLogged));
    }

    private static Optional<String> accessLogged(ResourceNode account, ResourceGraph graph, PolicyContext context) {
        var missing = new java.util.ArrayList<String>();
        for (String service : BackupStore.LOGGED_SERVICES) {
            boolean logged = graph.ofType(AzureType.DIAGNOSTIC_SETTING).stream()
                    .filter(d -> d.name().startsWith(account.name() + "-") && d.name().endsWith(service))
                    .anyMatch(d -> d.list("logs").stream().map(l -> String.valueOf(((java.util.Map<?, ?>) l).get("category")))
                            .toList().containsAll(BackupStore.ACCESS_LOG_CATEGORIES));
            if (!logged) {
                missing.add(service);
            }
        }
        return failIf(!missing.isEmpty(), "no read/write/delete logs for " + missing);
    }
}
