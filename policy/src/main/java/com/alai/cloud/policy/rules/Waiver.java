package com.alai.cloud.policy.rules;

import com.alai.cloud.stacks.config.ConfigSource;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.LegacyForms;
import com.alai.cloud.stacks.config.SettingsReader;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * A recorded exception to one rule for one resource of one stack, with a reason and an expiry date. In
 * Pulumi.&lt;env&gt;.yaml, {@code policyWaivers} is a list of {rule, stack, resource, reason, expires}.
 */
public record Waiver(String ruleId, String stack, String resource, String reason, LocalDate expires) {
    public static final String KEY = EnvironmentSettings.WAIVERS;

    public Waiver {
        for (var field : new String[][] {{"rule", ruleId}, {"stack", stack}, {"resource", resource}, {"reason", reason}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException(field[0] + " is required (a waiver has rule, stack, resource, reason, expires)");
            }
        }
        if (expires == null) {
            throw new IllegalArgumentException("expires is required (YYYY-MM-DD)");
        }
    }

    @JsonCreator
    static Waiver of(@JsonProperty("rule") String rule, @JsonProperty("stack") String stack,
                     @JsonProperty("resource") String resource, @JsonProperty("reason") String reason,
                     @JsonProperty("expires") String expires) {
        LocalDate date = null;
        if (expires != null) {
            try {
                date = LocalDate.parse(expires.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expires '" + expires + "' is not a date (YYYY-MM-DD); quote it,"
                        + " \"2027-06-30\": Pulumi rewrites an unquoted date as a timestamp");
            }
        }
        return new Waiver(strip(rule), strip(stack), strip(resource), strip(reason), date);
    }

    /** Reads {@code policyWaivers}; the old RULE|STACK|RESOURCE|REASON|DATE strings are converted, with a notice. */
    public static List<Waiver> read(ConfigSource source) {
        return List.copyOf(new SettingsReader(source).structured(KEY, new TypeReference<List<Waiver>>() { },
                LegacyForms::waivers).orElse(List.of()));
    }

    /** True for this rule on this stack when {@code resourceNames} (Azure or Pulumi logical name) holds the waived one. */
    public boolean covers(String rule, String stackName, Set<String> resourceNames) {
        return ruleId.equals(rule) && stack.equals(stackName) && resourceNames.contains(resource);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
