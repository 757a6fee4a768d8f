package com.alai.cloud.services.backup;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.log.JsonLog;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * The scheduled job's entry point: dump DATABASES from the server in DATABASE_URL into BACKUP_CONTAINER, through the
 * managed identity (BLOB_ENDPOINT + AZURE_CLIENT_ID) or, locally, AZURE_STORAGE_CONNECTION_STRING. Exit 0 or 1.
 */
public final class BackupJob {
    private BackupJob() {
    }

    public static void main(String[] args) {
        var log = new JsonLog("backup-job");
        try {
            var env = Env.system();
            String url = env.url("DATABASE_URL", "jdbc:postgresql://");
            String server = Servers.base(url);
            String container = env.optional("BACKUP_CONTAINER").orElse("system-db-backups");
            BlobStore store = env.optional("AZURE_STORAGE_CONNECTION_STRING")
                    .map(cs -> BlobStore.withConnectionString(cs, container))
                    .orElseGet(() -> BlobStore.withIdentity(env.url("BLOB_ENDPOINT", "https://"), container,
                            env.optional("AZURE_CLIENT_ID").orElse(null)));
            var manifest = new Dumper(store, Clock.systemUTC(), line -> log.info(line, Map.of())).dump(server, Servers.query(url),
                    env.required("DATABASE_USER"), env.optional("DATABASE_PASSWORD").orElse(""),
                    Arrays.stream(env.required("DATABASES").split(",")).map(String::strip).toList());
            log.info("backup complete", Map.of("prefix", manifest.prefix()));
        } catch (ConfigError e) {
            log.error("invalid configuration", Map.of("problem", e.getMessage()));
            System.exit(2);
        } catch (Exception e) {
            log.error("backup failed", Map.of("error", e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())));
            System.exit(1);
        }
    }
}
