package com.alai.cloud.policy.rules;

import com.alai.cloud.stacks.config.ConfigException;
import com.alai.cloud.stacks.config.ConfigSource;
import com.alai.cloud.stacks.config.SettingsReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A recorded exception to one rule for one resource of one stack, with a reason and an expiry date. */
public record Waiver(String ruleId, String stack, String resource, String reason, LocalDate expires) {

    /** Reads {@code policyWaivers}: entries RULE|STACK|RESOURCE|REASON|YYYY-MM-DD. */
    public static List<Waiver> read(ConfigSource source) {
        var waivers = new ArrayList<Waiver>();
        for (String entry : new SettingsReader(source).list("policyWaivers")) {
            String[] parts = entry.split("\\|", -1);
            if (parts.length != 5 || parts[3].isBlank()) {
                throw new ConfigException("policyWaivers", "'" + entry + "' must be RULE|STACK|RESOURCE|REASON|YYYY-MM-DD with a reason");
            }
            try {
                waivers.add(new Waiver(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip(),
                        LocalDate.parse(parts[4].strip())));
            } catch (DateTimeParseException e) {
                throw new ConfigException("policyWaivers", "'" + parts[4] + "' is not a date (YYYY-MM-DD)");
            }
        }
        return List.copyOf(waivers);
    }

    /** True for this rule on this stack when {@code resourceNames} (Azure or Pulumi logical name) holds the waived one. */
    public boolean covers(String rule, String stackName, java.util.Set<String> resourceNames) {
        return ruleId.equals(rule) && stack.equals(stackName) && resourceNames.contains(resource);
    }
}
