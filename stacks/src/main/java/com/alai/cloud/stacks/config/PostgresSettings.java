package com.alai.cloud.stacks.config;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.components.secrets.SecretRef;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;

/** The Flexible Server of phase 2, as configured. */
public record PostgresSettings(String version, String sku, String tier, int storageGb, int backupRetentionDays,
                               boolean geoRedundantBackup, boolean allowAzureServices, List<FirewallRange> firewall,
                               String adminLogin, SecretRef adminPassword) {

    static final String FIREWALL = "postgresFirewall";

    static PostgresSettings read(SettingsReader in) {
        var firewall = new ArrayList<FirewallRange>();
        List<FirewallEntry> entries = in.structured(FIREWALL, new TypeReference<List<FirewallEntry>>() { },
                LegacyForms::firewall).orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            firewall.add(SettingsReader.parse(FIREWALL + "[" + i + "]", entries.get(i), FirewallEntry::range));
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

    /** One allow rule: {@code {name: anvil, start: 203.0.113.7}}, with {@code end} for a range. */
    record FirewallEntry(String name, String start, String end) {
        FirewallRange range() {
            return new FirewallRange(name, start, end == null ? start : end).requirePublic();
        }
    }
}
