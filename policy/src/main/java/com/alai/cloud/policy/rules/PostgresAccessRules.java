package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import java.util.List;

/** How PostgreSQL Flexible Server authenticates, and which networks reach it. */
final class PostgresAccessRules {
    private PostgresAccessRules() {
    }

    static List<Rule> all() {
        var server = type(AzureType.POSTGRES_SERVER);
        return List.of(
                new Rule("ALAI-027", Severity.ADVISORY, "Entra authentication is on, with an administrator",
                        "Entra tokens expire and name a person or identity; a password does neither.",
                        List.of("Azure.PostgreSQL.AAD"), server,
                        (n, g, c) -> failIf(!"Enabled".equals(n.string("authConfig.activeDirectoryAuth").orElse(""))
                                || g.ofType(AzureType.POSTGRES_ADMINISTRATOR).isEmpty(),
                                "Entra authentication is off or has no administrator")),
                new Rule("ALAI-028", Severity.ADVISORY, "Password authentication is off",
                        "While a password works, it is the credential to steal.", List.of("Azure.PostgreSQL.AADOnly"), server,
                        (n, g, c) -> failIf(!"Disabled".equals(n.string("authConfig.passwordAuth").orElse("Enabled")),
                                "password authentication is enabled")),
                // Upstream fails any rule that starts at 0.0.0.0, the "allow Azure services" rule included: it admits
                // every tenant's Azure traffic, not only ours.
                new Rule("ALAI-060", Severity.ADVISORY, "No firewall rule starts at 0.0.0.0",
                        "0.0.0.0-0.0.0.0 admits all of Azure, any tenant; only the password stands in the way.",
                        List.of("CKV2_AZURE_26"), type(AzureType.POSTGRES_FIREWALL_RULE),
                        (n, g, c) -> failIf("0.0.0.0".equals(n.string("startIpAddress").orElse("")),
                                "the rule starts at 0.0.0.0 (all Azure services, any tenant)")));
    }
}
