package com.alai.cloud.stacks.config;

import com.alai.cloud.components.storage.BackupStoreArgs;
import java.util.Optional;

/** The backup store and the database dump schedule. */
public record BackupSettings(Optional<BackupStoreArgs.Adoption> adopt, int softDeleteDays, int coolAfterDays,
                             int deleteAfterDays, boolean allowSharedKeyAccess, String dumpCron,
                             int exportImmutabilityDays, com.alai.cloud.components.storage.StorageNetwork network) {

    static BackupSettings read(SettingsReader in) {
        Optional<String> name = in.optional("backupAdoptAccountName");
        Optional<BackupStoreArgs.Adoption> adopt = name.map(n -> SettingsReader.parse("backupAdoptAccountId",
                in.string("backupAdoptAccountId"), id -> new BackupStoreArgs.Adoption(n, id)));
        return new BackupSettings(adopt,
                in.integer("backupSoftDeleteDays", 1, 365),
                in.integer("backupCoolAfterDays", 1, 3650),
                in.integer("backupDeleteAfterDays", 2, 3650),
                in.bool("backupAllowSharedKeyAccess"),
                in.matching("backupCron", "(\\S+\\s+){4}\\S+", "must be a 5-field cron expression"),
                in.integer("bitwardenExportImmutabilityDays", 1, 3650),
                BackupNetworkSettings.read(in));
    }
}
