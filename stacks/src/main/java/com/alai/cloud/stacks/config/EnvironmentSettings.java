package com.alai.cloud.stacks.config;

import com.alai.cloud.components.naming.Naming;
import com.alai.cloud.components.naming.Regions;
import com.alai.cloud.components.naming.Tags;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of one environment, read once and validated before any resource is declared. A bad value stops
 * the program with one line naming the key.
 */
public record EnvironmentSettings(String env, String subscriptionId, Naming naming, int logRetentionDays,
                                  double logDailyCapGb, String registrySku, AppSizing apps, IngressSettings ingress,
                                  PostgresSettings postgres,
                                  BackupSettings backup, SecretSettings secrets, AuthSettings auth,
                                  ModelRouting routing, Map<String, ImageRef> images) {

    /**
     * The provider's own key: the subscription that seeds names and role ids is, by construction, the one the
     * azure-native provider deploys into.
     */
    public static final String SUBSCRIPTION = "azure-native:subscriptionId";

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
                images(in));
    }

    /** The image of {@code service}; absent when the service is not configured. */
    public Optional<ImageRef> image(String service) {
        return Optional.ofNullable(images.get(service));
    }

    private static Map<String, ImageRef> images(SettingsReader in) {
        var images = new LinkedHashMap<String, ImageRef>();
        for (String entry : in.list("images")) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new ConfigException("images", "'" + entry + "' must be SERVICE=IMAGE");
            }
            String service = entry.substring(0, eq);
            images.put(service, SettingsReader.parse("images", entry.substring(eq + 1), ImageRef::new));
        }
        return Map.copyOf(images);
    }
}
