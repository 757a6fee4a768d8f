package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.Props;
import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.components.database.PostgresServer;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL Flexible Server, its parameters and firewall. */
final class PostgresRules {
    /** Community end-of-life dates (postgresql.org/support/versioning); Azure retires majors on the same dates. */
    static final Map<String, LocalDate> END_OF_LIFE = Map.of(
            "11", LocalDate.of(2023, 11, 9), "12", LocalDate.of(2024, 11, 21), "13", LocalDate.of(2025, 11, 13),
            "14", LocalDate.of(2026, 11, 12), "15", LocalDate.of(2027, 11, 11), "16", LocalDate.of(2028, 11, 9),
            "17", LocalDate.of(2029, 11, 8));

    private PostgresRules() {
    }

    static List<Rule> all() {
        var server = type(AzureType.POSTGRES_SERVER);
        return List.of(
                new Rule("ALAI-020", Severity.MANDATORY, "Postgres runs on B1ms unless waived",
                        "The seed sizes the control plane for Burstable B1ms (~$22-24/month).", List.of(), server,
                        (n, g, c) -> failIf(!"Standard_B1ms".equals(n.string(Props.SKU_NAME).orElse("")),
                                "sku is " + n.string(Props.SKU_NAME).orElse("unset") + ", not Standard_B1ms")),
                new Rule("ALAI-021", Severity.MANDATORY, "Backups are kept at least 7 days",
                        "The seed's restore check needs a week of point-in-time backups.", List.of(), server,
                        (n, g, c) -> failIf(n.at(Props.BACKUP_RETENTION_DAYS).map(v -> ((Number) v).intValue()).orElse(0) < 7,
                                "backup retention is " + n.at(Props.BACKUP_RETENTION_DAYS).orElse("unset") + " days")),
                new Rule("ALAI-022", Severity.MANDATORY, "High availability is off on Burstable",
                        "Burstable has no HA; asking for it fails the deployment.", List.of(), server,
                        (n, g, c) -> failIf("Burstable".equals(n.string(Props.SKU_TIER).orElse(""))
                                && !"Disabled".equals(n.string(Props.HA_MODE).orElse("Disabled")),
                                "high availability " + n.string(Props.HA_MODE).orElse("") + " on a Burstable server")),
                new Rule("ALAI-023", Severity.MANDATORY, "TLS is required (1.2+)",
                        "Database credentials and task data must not cross the internet in clear text.",
                        List.of(), server,
                        PostgresRules::tls),
                new Rule("ALAI-024", Severity.MANDATORY, "Firewall opens only configured addresses",
                        "An open range exposes the server to the internet's password guessing.",
                        List.of(), type(AzureType.POSTGRES_FIREWALL_RULE),
                        PostgresRules::firewall),
                new Rule("ALAI-025", Severity.MANDATORY, "Postgres version is supported on the plan date",
                        "An end-of-life major gets no security fixes and is force-upgraded by Azure.", List.of(), server,
                        PostgresRules::supported),
                new Rule("ALAI-026", Severity.ADVISORY, "Backups are geo-redundant",
                        "A regional outage would take the backups with the server.", List.of("CKV_AZURE_136", "Azure.PostgreSQL.GeoRedundantBackup"), server,
                        (n, g, c) -> failIf(!"Enabled".equals(n.string("backup.geoRedundantBackup").orElse("")),
                                "geo-redundant backup is off (doubles backup storage cost when on)")),
                new Rule("ALAI-029", Severity.MANDATORY, "Maintenance runs in a chosen window",
                        "Azure's default window can restart the server in working hours; a custom one picks the quiet night.",
                        List.of("Azure.PostgreSQL.MaintenanceWindow"), server,
                        (n, g, c) -> failIf(!"Enabled".equals(n.string("maintenanceWindow.customWindow").orElse("Disabled")),
                                "no custom maintenance window")),
                // The Checkov log parameter checks read Single Server configurations only; this is their Flexible analogue.
                new Rule("ALAI-061", Severity.MANDATORY, "Connections, checkpoints and throttling are logged",
                        "Login attempts and throttling are the record of password guessing against a public server.",
                        List.of(), server, PostgresRules::logging));
    }

    private static Optional<String> tls(ResourceNode server, ResourceGraph graph, PolicyContext context) {
        String name = server.physicalName();
        String secure = setting(graph, name, "require_secure_transport").orElse("off");
        String minimum = setting(graph, name, "ssl_min_protocol_version").orElse("TLSv1.2");
        return failIf(!"on".equalsIgnoreCase(secure) || !(minimum.equals("TLSv1.2") || minimum.equals("TLSv1.3")),
                "require_secure_transport=" + secure + ", ssl_min_protocol_version=" + minimum);
    }

    private static Optional<String> logging(ResourceNode server, ResourceGraph graph, PolicyContext context) {
        var wrong = PostgresServer.LOGGING_PARAMETERS.stream()
                .filter(key -> !"on".equalsIgnoreCase(setting(graph, server.physicalName(), key).orElse("")))
                .toList();
        return failIf(!wrong.isEmpty(), "not on: " + wrong);
    }

    private static Optional<String> setting(ResourceGraph graph, String server, String key) {
        return graph.ofType(AzureType.POSTGRES_CONFIGURATION).stream()
                .filter(c -> c.string("configurationName").filter(key::equals).isPresent())
                .filter(c -> c.string("serverName").filter(server::equals).isPresent())
                .findFirst().flatMap(c -> c.string("value"));
    }

    private static Optional<String> firewall(ResourceNode rule, ResourceGraph graph, PolicyContext context) {
        String start = rule.string("startIpAddress").orElse("");
        String end = rule.string("endIpAddress").orElse("");
        if (start.equals("0.0.0.0") && end.equals("0.0.0.0")) {
            return failIf(!context.settings().postgres().allowAzureServices(),
                    "admits all Azure services, but postgresAllowAzureServices is false");
        }
        if (start.equals("0.0.0.0") && end.equals("255.255.255.255")) {
            return Optional.of("opens the server to the whole internet");
        }
        for (FirewallRange configured : context.configuredFirewall()) {
            if (FirewallRange.toLong(start) >= FirewallRange.toLong(configured.start())
                    && FirewallRange.toLong(end) <= FirewallRange.toLong(configured.end())) {
                return Optional.empty();
            }
        }
        return Optional.of(start + "-" + end + " is wider than (or outside) every configured range");
    }

    private static Optional<String> supported(ResourceNode server, ResourceGraph graph, PolicyContext context) {
        String version = server.string("version").orElse("");
        LocalDate eol = END_OF_LIFE.get(version);
        if (eol == null) {
            return Optional.of("version '" + version + "' has no known support window");
        }
        return failIf(!context.planDate().isBefore(eol), "PostgreSQL " + version + " reached end of life on " + eol);
    }
}
