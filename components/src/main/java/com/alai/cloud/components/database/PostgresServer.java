package com.alai.cloud.components.database;

import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.dbforpostgresql.Configuration;
import com.pulumi.azurenative.dbforpostgresql.ConfigurationArgs;
import com.pulumi.azurenative.dbforpostgresql.Database;
import com.pulumi.azurenative.dbforpostgresql.DatabaseArgs;
import com.pulumi.azurenative.dbforpostgresql.FirewallRule;
import com.pulumi.azurenative.dbforpostgresql.FirewallRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PostgreSQL Flexible Server with its databases, TLS enforcement and an allow-list firewall; protected. */
public final class PostgresServer extends AlaiComponent {
    /**
     * Parameters turned on so login attempts, disconnections, checkpoints and throttling are on record: the server
     * is reachable from the internet with a password.
     */
    public static final List<String> LOGGING_PARAMETERS = List.of("log_checkpoints", "log_connections",
            "log_disconnections", "connection_throttle.enable");

    private final Output<String> fqdn;
    private final Output<String> serverName;
    private final List<String> databases;
    private final String adminLogin;

    public PostgresServer(String name, PostgresServerArgs args, ComponentResourceOptions options) {
        super("PostgresServer", name, options);
        Scope scope = args.scope();
        String physicalName = scope.naming().global(Kind.POSTGRES_SERVER);
        var server = new FlexibleServer(name, new FlexibleServerArgs(
                scope.resourceGroupName(), physicalName, scope.location(), scope.tags(), args.version(),
                args.adminLogin(), args.adminPassword(),
                Map.of("name", args.skuName(), "tier", args.skuTier()),
                Map.of("storageSizeGB", args.storageGb(), "autoGrow", args.autoGrow() ? "Enabled" : "Disabled"),
                Map.of("backupRetentionDays", args.backupRetentionDays(),
                        "geoRedundantBackup", args.geoRedundantBackup() ? "Enabled" : "Disabled"),
                Map.of("mode", args.highAvailability()),
                Map.of("publicNetworkAccess", "Enabled"),
                Map.of("passwordAuth", "Enabled", "activeDirectoryAuth", "Disabled"),
                // Sunday 03:00 UTC, after the 02:30 dump: Azure's default window may fall in working hours.
                Map.of("customWindow", "Enabled", "dayOfWeek", 0, "startHour", 3, "startMinute", 0)),
                protectedChild(args.importId()));
        Output<String> serverRef = server.serverName();
        var settings = new ArrayList<Configuration>();
        setting(settings, name, scope, serverRef, "require_secure_transport", args.requireSecureTransport() ? "on" : "off");
        setting(settings, name, scope, serverRef, "ssl_min_protocol_version", "TLSv1.2");
        for (String key : LOGGING_PARAMETERS) {
            setting(settings, name, scope, serverRef, key, "on");
        }
        for (FirewallRange range : args.firewall()) {
            firewall(name, scope, serverRef, range);
        }
        if (args.allowAzureServices()) {
            // Azure's convention: the 0.0.0.0-0.0.0.0 rule admits Azure-internal traffic only.
            firewall(name, scope, serverRef, new FirewallRange("AllowAllAzureServicesAndResourcesWithinAzureIps",
                    "0.0.0.0", "0.0.0.0"));
        }
        for (String db : args.databases()) {
            new Database(name + "-" + db, DatabaseArgs.builder()
                    .databaseName(db)
                    .serverName(serverRef)
                    .resourceGroupName(scope.resourceGroupName())
                    .charset("UTF8")
                    .collation("en_US.utf8")
                    .build(), protectedChild());
        }
        this.fqdn = server.fullyQualifiedDomainName();
        this.serverName = serverRef;
        this.databases = args.databases();
        this.adminLogin = args.adminLogin();
        registerOutputs(Map.of("fqdn", this.fqdn, "serverName", this.serverName));
    }

    // Flexible Server applies one parameter change at a time, so settings are chained.
    private void setting(List<Configuration> chain, String name, Scope scope, Output<String> server, String key, String value) {
        var options = CustomResourceOptions.builder().parent(this);
        if (!chain.isEmpty()) {
            options.dependsOn(chain.get(chain.size() - 1));
        }
        chain.add(new Configuration(name + "-" + key.replace('_', '-').replace('.', '-'), ConfigurationArgs.builder()
                .configurationName(key)
                .serverName(server)
                .resourceGroupName(scope.resourceGroupName())
                .value(value)
                .source("user-override")
                .build(), options.build()));
    }

    private void firewall(String name, Scope scope, Output<String> server, FirewallRange range) {
        new FirewallRule(name + "-fw-" + range.name().toLowerCase(java.util.Locale.ROOT), FirewallRuleArgs.builder()
                .firewallRuleName(range.name())
                .serverName(server)
                .resourceGroupName(scope.resourceGroupName())
                .startIpAddress(range.start())
                .endIpAddress(range.end())
                .build(), child());
    }

    public Output<String> fqdn() {
        return fqdn;
    }

    public Output<String> serverName() {
        return serverName;
    }

    public List<String> databases() {
        return databases;
    }

    public String adminLogin() {
        return adminLogin;
    }
}
