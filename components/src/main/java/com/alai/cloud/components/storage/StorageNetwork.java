package com.alai.cloud.components.storage;

import com.alai.cloud.components.database.FirewallRange;
import com.pulumi.azurenative.storage.inputs.IPRuleArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import java.util.List;

/**
 * Network rules of the backup account. Trusted Azure services always bypass them. {@code denyByDefault} is only
 * safe once every writer has a fixed address: the backup job on the consumption plan has none, so dev allows by
 * default (waived, ALAI-038) and relies on identity; {@code allowedIps} are the operators' public egress addresses.
 */
public record StorageNetwork(boolean denyByDefault, List<String> allowedIps) {
    public StorageNetwork {
        allowedIps = List.copyOf(allowedIps);
        for (String ip : allowedIps) {
            FirewallRange.requirePublic("backup network", ip);
        }
    }

    public static StorageNetwork open() {
        return new StorageNetwork(false, List.of());
    }

    NetworkRuleSetArgs ruleSet() {
        return NetworkRuleSetArgs.builder()
                .defaultAction(denyByDefault ? com.pulumi.azurenative.storage.enums.DefaultAction.Deny : com.pulumi.azurenative.storage.enums.DefaultAction.Allow)
                .bypass("AzureServices")
                .ipRules(allowedIps.stream().map(ip -> IPRuleArgs.builder().iPAddressOrRange(ip).action(com.pulumi.azurenative.storage.enums.Action.Allow).build()).toList())
                .build();
    }
}
