package com.alai.cloud.stacks.config;

import com.alai.cloud.components.storage.StorageNetwork;

/** The backup account's network rules, as configured (see {@link StorageNetwork} for why dev allows by default). */
final class BackupNetworkSettings {
    private BackupNetworkSettings() {
    }

    static StorageNetwork read(SettingsReader in) {
        boolean deny = in.matching("backupNetworkDefaultAction", "Allow|Deny", "must be Allow or Deny").equals("Deny");
        var ips = in.list("backupNetworkAllowedIps");
        try {
            return new StorageNetwork(deny, ips);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("backupNetworkAllowedIps", e.getMessage());
        }
    }
}
