package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.Props;
import java.util.List;

/** Azure Container Registry. */
final class RegistryRules {
    private RegistryRules() {
    }

    static List<Rule> all() {
        var registry = type(AzureType.CONTAINER_REGISTRY);
        return List.of(
                new Rule("ALAI-001", Severity.MANDATORY, "Registry admin user is disabled",
                        "The admin user is a shared password; pulls use the AcrPull identity.", List.of("CKV_AZURE_137", "Azure.ACR.AdminUser"),
                        registry, (n, g, c) -> failIf(!Boolean.FALSE.equals(n.at("adminUserEnabled").orElse(null)),
                                "adminUserEnabled is not false")),
                new Rule("ALAI-002", Severity.MANDATORY, "Registry anonymous pull is disabled",
                        "Private images must not be pullable without credentials.", List.of("CKV_AZURE_138", "Azure.ACR.AnonymousAccess"),
                        registry, (n, g, c) -> failIf(Boolean.TRUE.equals(n.at("anonymousPullEnabled").orElse(false)),
                                "anonymousPullEnabled is true")),
                new Rule("ALAI-003", Severity.ADVISORY, "Registry public network access is noted",
                        "Basic SKU cannot use private endpoints; access is limited by identity instead.",
                        List.of("CKV_AZURE_139", "Azure.ACR.Firewall"), registry,
                        (n, g, c) -> failIf(!"Disabled".equals(n.string("publicNetworkAccess").orElse("Enabled")),
                                "public network access is enabled (expected on Basic; pulls still need the identity)")),
                new Rule("ALAI-004", Severity.ADVISORY, "Registry SKU is Standard or higher",
                        "Basic has no Defender scanning tier, retention or private access; Standard costs $20 against $5.",
                        List.of("CKV_AZURE_163", "Azure.ACR.MinSku"), registry,
                        (n, g, c) -> failIf("Basic".equals(n.string(Props.SKU_NAME).orElse("Basic")),
                                "the registry is Basic")));
    }
}
