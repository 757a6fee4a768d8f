package com.alai.cloud.stacks.config;

import com.alai.cloud.components.naming.Naming;
import com.alai.cloud.components.naming.Regions;
import com.alai.cloud.components.naming.Tags;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of one environment, read once and validated before any resource is declared. A bad value stops
 * the program with one line naming the key (or the path inside a structured one, e.g. budgets.dev-phase2).
 * {@code notices} are settings still in a form read for one release only, each saying how to convert it.
 */
public record EnvironmentSettings(String env, String subscriptionId, Naming naming, int logRetentionDays,
                                  double logDailyCapGb, String registrySku, AppSizing apps, IngressSettings ingress,
                                  PostgresSettings postgres,
                                  BackupSettings backup, SecretSettings secrets, AuthSettings auth,
                                  ModelRouting routing, Map<String, ImageRef> images, Budgets budgets,
                                  java.util.List<String> notices) {

    /**
     * The provider's own key: the subscription that seeds names and role ids is, by construction, the one the
     * azure-native provider deploys into.
     */
    public static final String SUBSCRIPTION = "azure-native:subscriptionId";

    /** The policy waivers' key (read by the policy engine). */
    public static final String WAIVERS = "policyWaivers";

    /**
     * Settings whose values are YAML objects or lists of objects. Pulumi's project schema lets Pulumi.yaml declare
     * only string, integer, boolean or array, so these stay undeclared there and this reader validates them.
     */
    public static final java.util.List<String> STRUCTURED = java.util.List.of(ImageSettings.KEY, PostgresSettings.FIREWALL,
            ModelRouting.KEY, WAIVERS, Budgets.KEY);

    public static EnvironmentSettings read(ConfigSource source) {
        var in = new SettingsReader(source);
        String env = in.matching("environment", "[a-z][a-z0-9]{1,9}", "must be 2-10 lowercase letters/digits");
        String location = in.parsed("location", l -> {
            Regions.abbreviation(l);
            return l;
        });
        String subscription = in.matching(SUBSCRIPTION,
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                "must be the subscription GUID (az account show --query id -o tsv)");
        var baseTags = new LinkedHashMap<String, String>();
        baseTags.put(Tags.OWNER, in.string("owner"));
        baseTags.put(Tags.COST_CENTER, in.string("costCenter"));
        Naming naming = in.parsed("namePrefix",
                prefix -> Naming.forSubscription(prefix, env, location, subscription, baseTags));
        return new EnvironmentSettings(env, subscription, naming,
                in.integer("logRetentionDays", 30, 730),
                in.decimal("logDailyCapGb", 0.023, 100),
                in.matching("registrySku", "Basic|Standard|Premium", "must be Basic, Standard or Premium"),
                AppSizing.read(in),
                IngressSettings.read(in),
                PostgresSettings.read(in),
                BackupSettings.read(in),
                SecretSettings.read(in),
                AuthSettings.read(in),
                ModelRouting.read(in),
                ImageSettings.read(in),
                Budgets.read(in),
                in.notices());
    }

    /** The image of {@code service}; absent when the service is not configured. */
    public Optional<ImageRef> image(String service) {
        return Optional.ofNullable(images.get(service));
    }
}
