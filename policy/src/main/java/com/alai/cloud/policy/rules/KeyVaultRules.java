package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import java.util.List;

/** Key Vault, should a phase use one (Bitwarden is the secret store; a vault may still appear for keys). */
final class KeyVaultRules {
    private KeyVaultRules() {
    }

    static List<Rule> all() {
        var vault = type(AzureType.KEY_VAULT);
        return List.of(
                new Rule("ALAI-040", Severity.MANDATORY, "Key Vault purge protection is on",
                        "Without it a deleted vault and its keys can be purged at once.", List.of("CKV_AZURE_110"), vault,
                        (n, g, c) -> failIf(!Boolean.TRUE.equals(n.at("properties.enablePurgeProtection").orElse(null)),
                                "enablePurgeProtection is not true")),
                new Rule("ALAI-041", Severity.MANDATORY, "Key Vault soft delete is on",
                        "Soft delete makes an accidental deletion recoverable.", List.of("CKV_AZURE_111"), vault,
                        (n, g, c) -> failIf(Boolean.FALSE.equals(n.at("properties.enableSoftDelete").orElse(true)),
                                "enableSoftDelete is false")));
    }
}
