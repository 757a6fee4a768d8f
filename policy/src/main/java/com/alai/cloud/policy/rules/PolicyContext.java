package com.alai.cloud.policy.rules;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import java.time.LocalDate;
import java.util.List;

/** What rules compare against: the environment's own settings and the date the plan is made for. */
public record PolicyContext(EnvironmentSettings settings, LocalDate planDate, List<String> allowedLocations) {

    public PolicyContext {
        allowedLocations = List.copyOf(allowedLocations);
    }

    public List<FirewallRange> configuredFirewall() {
        return settings.postgres().firewall();
    }
}
