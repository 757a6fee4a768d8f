package com.alai.cloud.policy.cost;

import com.alai.cloud.stacks.config.ConfigSource;
import com.alai.cloud.stacks.config.Budgets;
import com.alai.cloud.stacks.config.SettingsReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Usage assumptions and budgets from Pulumi.<env>.yaml: the inputs a price table is multiplied by. */
public record Usage(double activeHoursPerDay, double requestsPerMonth, double logGbPerMonth, double backupGb,
                    double jobMinutesPerRun, double jobRunsPerMonth, int bitwardenUsers, double fallbackMTokensPerMonth,
                    Map<String, Double> budgets) {

    public static Usage read(ConfigSource source) {
        var in = new SettingsReader(source);
        var budgets = new LinkedHashMap<String, Double>();
        Budgets.read(in).byStack().forEach((stack, usd) -> budgets.put(stack, usd.doubleValue()));
        return new Usage(in.decimal("usageActiveHoursPerDay", 0, 24), in.decimal("usageRequestsPerMonth", 0, 1e10),
                in.decimal("usageLogGbPerMonth", 0, 1e5), in.decimal("usageBackupGb", 0, 1e6),
                in.decimal("usageJobMinutesPerRun", 0, 1440), in.decimal("usageJobRunsPerMonth", 0, 10000),
                in.integer("usageBitwardenUsers", 0, 1000), in.decimal("usageFallbackMTokensPerMonth", 0, 1e6),
                Map.copyOf(budgets));
    }
}
