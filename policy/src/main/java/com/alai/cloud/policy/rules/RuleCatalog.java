package com.alai.cloud.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every rule, in id order. */
public final class RuleCatalog {
    private static final List<Rule> RULES;

    static {
        var rules = new ArrayList<Rule>();
        rules.addAll(RegistryRules.all());
        rules.addAll(ContainerAppRules.all());
        rules.addAll(PostgresRules.all());
        rules.addAll(PostgresAccessRules.all());
        rules.addAll(IngressRules.all());
        rules.addAll(StorageRules.all());
        rules.addAll(StorageNetworkRules.all());
        rules.addAll(StorageDataRules.all());
        rules.addAll(KeyVaultRules.all());
        rules.addAll(GeneralRules.all());
        rules.sort(java.util.Comparator.comparing(Rule::id));
        RULES = List.copyOf(rules);
    }

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
