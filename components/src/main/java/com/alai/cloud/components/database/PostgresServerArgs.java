package com.alai.cloud.components.database;

import com.alai.cloud.components.core.Scope;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Arguments of a {@link PostgresServer}; {@link #builder()} starts from the seed's settings (B1ms, 7-day backups, TLS). */
public record PostgresServerArgs(Scope scope, String version, String skuName, String skuTier, int storageGb,
                                 boolean autoGrow, int backupRetentionDays, boolean geoRedundantBackup,
                                 String highAvailability, boolean requireSecureTransport, List<FirewallRange> firewall,
                                 boolean allowAzureServices, List<String> databases, String adminLogin,
                                 Output<String> adminPassword, String importId) {

    public PostgresServerArgs {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(adminPassword, "adminPassword");
        if (backupRetentionDays < 1 || backupRetentionDays > 35) {
            throw new IllegalArgumentException("backup retention must be 1-35 days, was " + backupRetentionDays);
        }
        if (storageGb < 32) {
            throw new IllegalArgumentException("storage must be at least 32 GB, was " + storageGb);
        }
        if (adminLogin == null || !adminLogin.matches("[a-z][a-z0-9_]{0,62}") || adminLogin.startsWith("pg_")
                || List.of("azure_superuser", "admin", "administrator", "root", "guest", "public").contains(adminLogin)) {
            throw new IllegalArgumentException("admin login '" + adminLogin + "' is not allowed by Azure");
        }
        firewall = List.copyOf(firewall);
        databases = List.copyOf(databases);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Scope scope;
        private String version = "16";
        private String skuName = "Standard_B1ms";
        private String skuTier = "Burstable";
        private int storageGb = 32;
        private boolean autoGrow = true;
        private int backupRetentionDays = 7;
        private boolean geoRedundantBackup = false;
        private String highAvailability = "Disabled";
        private boolean requireSecureTransport = true;
        private final List<FirewallRange> firewall = new ArrayList<>();
        private boolean allowAzureServices = false;
        private List<String> databases = List.of("mission_control", "hivemind");
        private String adminLogin = "alaiadmin";
        private Output<String> adminPassword;
        private String importId;

        public Builder scope(Scope v) { scope = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder sku(String name, String tier) { skuName = name; skuTier = tier; return this; }
        public Builder storageGb(int v) { storageGb = v; return this; }
        public Builder autoGrow(boolean v) { autoGrow = v; return this; }
        public Builder backupRetentionDays(int v) { backupRetentionDays = v; return this; }
        public Builder geoRedundantBackup(boolean v) { geoRedundantBackup = v; return this; }
        public Builder highAvailability(String v) { highAvailability = v; return this; }
        public Builder requireSecureTransport(boolean v) { requireSecureTransport = v; return this; }
        public Builder allow(FirewallRange v) { firewall.add(v); return this; }
        public Builder allow(List<FirewallRange> v) { firewall.addAll(v); return this; }
        public Builder allowAzureServices(boolean v) { allowAzureServices = v; return this; }
        public Builder databases(List<String> v) { databases = v; return this; }
        public Builder adminLogin(String v) { adminLogin = v; return this; }
        /** Must come from a secret binding (see BitwardenSecret). */
        public Builder adminPassword(Output<String> v) { adminPassword = v; return this; }
        public Builder importId(String v) { importId = v; return this; }

        public PostgresServerArgs build() {
            return new PostgresServerArgs(scope, version, skuName, skuTier, storageGb, autoGrow, backupRetentionDays,
                    geoRedundantBackup, highAvailability, requireSecureTransport, firewall, allowAzureServices,
                    databases, adminLogin, adminPassword, importId);
        }
    }
}
