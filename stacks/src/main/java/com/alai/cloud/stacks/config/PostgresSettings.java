package com.alai.cloud.stacks.config;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.components.secrets.SecretRef;
import java.util.ArrayList;
import java.util.List;

/** The Flexible Server of phase 2, as configured. */
public record PostgresSettings(String version, String sku, String tier, int storageGb, int backupRetentionDays,
                               boolean geoRedundantBackup, boolean allowAzureServices, List<FirewallRange> firewall,
                               String adminLogin, SecretRef adminPassword) {

    static PostgresSettings read(SettingsReader in) {
        var firewall = new ArrayList<FirewallRange>();
        for (String entry : in.list("postgresFirewall")) {
            firewall.add(SettingsReader.parse("postgresFirewall", entry, PostgresSettings::range));
        }
        return new PostgresSettings(
                in.matching("postgresVersion", "1[1-9]", "must be a major version such as 16"),
                in.matching("postgresSku", "Standard_[A-Za-z0-9_]+", "must be an Azure SKU such as Standard_B1ms"),
                in.matching("postgresTier", "Burstable|GeneralPurpose|MemoryOptimized", "must be Burstable, GeneralPurpose or MemoryOptimized"),
                in.integer("postgresStorageGb", 32, 16384),
                in.integer("postgresBackupRetentionDays", 1, 35),
                in.bool("postgresGeoRedundantBackup"),
                in.bool("postgresAllowAzureServices"),
                List.copyOf(firewall),
                in.string("postgresAdminLogin"),
                in.parsed("postgresAdminPassword", SecretRef::parse));
    }

    /** "name=1.2.3.4" or "name=1.2.3.4-1.2.3.9". */
    static FirewallRange range(String entry) {
        int eq = entry.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("'" + entry + "' must be NAME=IP or NAME=START-END");
        }
        String name = entry.substring(0, eq);
        String[] ips = entry.substring(eq + 1).split("-", 2);
        var range = ips.length == 1 ? FirewallRange.single(name, ips[0]) : new FirewallRange(name, ips[0], ips[1]);
        return range.requirePublic();
    }
}
