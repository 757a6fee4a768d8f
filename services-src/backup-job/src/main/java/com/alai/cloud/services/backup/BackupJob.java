package com.alai.cloud.services.backup;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.log.JsonLog;
import java.time.Clock;
import java.util.Map;

/**
 * The scheduled job on the skeleton: configuration validated first (exit 2 naming the variable), then DATABASES
 * dumped from the server in DATABASE_URL into BACKUP_CONTAINER with a manifest; exit 0, or 1 with one log line.
 */
public final class BackupJob {
    private BackupJob() {
    }

    public static Manifest run(BackupConfig config, JsonLog log) throws Exception {
        var manifest = new Dumper(config.store(), Clock.systemUTC(), line -> log.info(line, Map.of()))
                .dump(Servers.base(config.jdbcUrl()), Servers.query(config.jdbcUrl()), config.user(), config.password(),
                        config.databases());
        log.info("backup complete", Map.of("prefix", manifest.prefix()));
        return manifest;
    }

    public static void main(String[] args) {
        Launcher.runJob("backup-job", BackupConfig::from, BackupJob::run);
    }
}
