package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly budget in USD per stack ({@code budgets: {dev: 10, dev-phase2: 40}}): the CI gate compares the cost
 * estimate with it, and each phase declares an Azure consumption budget of the same amount.
 */
public record Budgets(Map<String, BigDecimal> byStack) {
    public static final String KEY = "budgets";
    private static final BigDecimal CEILING = new BigDecimal("100000");

    public Budgets {
        byStack = Map.copyOf(byStack);
    }

    public static Budgets read(SettingsReader in) {
        Map<String, BigDecimal> raw = in.structured(KEY, new TypeReference<LinkedHashMap<String, BigDecimal>>() { },
                LegacyForms::budgets).orElse(new LinkedHashMap<>());
        raw.forEach((stack, usd) -> {
            String path = BindingErrors.child(KEY, stack);
            if (!stack.matches("[a-z][a-z0-9]{1,9}(-phase[1-9])?")) {
                throw new ConfigException(path, "'" + stack + "' is not a stack name (ENV or ENV-phaseN)");
            }
            if (usd == null || usd.signum() <= 0 || usd.compareTo(CEILING) > 0) {
                throw new ConfigException(path, usd + " must be a monthly amount in USD above 0 and at most " + CEILING);
            }
        });
        return new Budgets(raw);
    }

    /** The budget of {@code stack}; absent when none is set. */
    public Optional<BigDecimal> of(String stack) {
        return Optional.ofNullable(byStack.get(stack));
    }
}
