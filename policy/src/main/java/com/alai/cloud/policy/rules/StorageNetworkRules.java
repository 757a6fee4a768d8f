package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import java.util.List;

/** Which networks reach the storage account, and what watches it. */
final class StorageNetworkRules {
    private StorageNetworkRules() {
    }

    static List<Rule> all() {
        var account = type(AzureType.STORAGE_ACCOUNT);
        return List.of(
                new Rule("ALAI-038", Severity.ADVISORY, "Storage network rules deny by default",
                        "With default Allow, any network reaches the account and only identity stands in the way.",
                        List.of("CKV_AZURE_35", "Azure.Storage.Firewall"), account,
                        (n, g, c) -> failIf(!"Deny".equals(n.string("networkRuleSet.defaultAction").orElse("Allow")),
                                "network rules default to Allow")),
                new Rule("ALAI-039", Severity.MANDATORY, "Trusted Azure services bypass the storage network rules",
                        "Azure Backup and the platform's own services must keep working when the rules deny by default.",
                        List.of("CKV_AZURE_36"), account,
                        (n, g, c) -> failIf(!n.string("networkRuleSet.bypass").orElse("").contains("AzureServices"),
                                "network rules do not let trusted Azure services bypass them")),
                new Rule("ALAI-070", Severity.ADVISORY, "Storage public network access is disabled",
                        "A disabled public endpoint leaves only private endpoints; the backup job has no VNet to use one.",
                        List.of("CKV_AZURE_59"), account,
                        (n, g, c) -> failIf(!"Disabled".equals(n.string("publicNetworkAccess").orElse("Enabled")),
                                "public network access is enabled")),
                new Rule("ALAI-076", Severity.ADVISORY, "Storage is encrypted with a customer-managed key",
                        "A key the owner holds can be revoked; Microsoft-managed keys cannot be, by us.",
                        List.of("CKV2_AZURE_1"), account,
                        (n, g, c) -> failIf(!"Microsoft.Keyvault".equalsIgnoreCase(n.string("encryption.keySource").orElse("Microsoft.Storage")),
                                "encryption uses Microsoft-managed keys")),
                new Rule("ALAI-077", Severity.ADVISORY, "Defender for Storage watches the account",
                        "Defender flags unusual access and exfiltration; it bills ~$10/account/month.",
                        List.of("Azure.Storage.DefenderCloud"), account,
                        (n, g, c) -> failIf(g.ofType(AzureType.DEFENDER_FOR_STORAGE).isEmpty(),
                                "no Defender for Storage setting")));
    }
}
