package com.alai.cloud.services.backup;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The job's settings, read once from the environment and validated before anything runs: the server in DATABASE_URL,
 * its DATABASE_USER / DATABASE_PASSWORD, the DATABASES to dump, and the store — AZURE_STORAGE_CONNECTION_STRING
 * (Azurite, local) or BLOB_ENDPOINT with the managed identity AZURE_CLIENT_ID. Each error names its variable.
 */
public record BackupConfig(String jdbcUrl, String user, String password, List<String> databases, String container,
                           Optional<String> connectionString, Optional<String> blobEndpoint, Optional<String> clientId) {
    /** BACKUP_CONTAINER when unset: the container the infrastructure's backup store declares. */
    public static final String DEFAULT_CONTAINER = "system-db-backups";

    public static BackupConfig from(Env env) {
        String url = env.url("DATABASE_URL", "jdbc:postgresql://");
        List<String> databases = Arrays.stream(env.required("DATABASES").split(",")).map(String::strip)
                .filter(d -> !d.isEmpty()).toList();
        if (databases.isEmpty() || !databases.stream().allMatch(d -> d.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"))) {
            throw new ConfigError("DATABASES", "must be a comma-separated list of database names");
        }
        Optional<String> connectionString = env.optional("AZURE_STORAGE_CONNECTION_STRING");
        Optional<String> endpoint = connectionString.isPresent() ? Optional.empty()
                : Optional.of(env.url("BLOB_ENDPOINT", "https://"));
        return new BackupConfig(url, env.required("DATABASE_USER"), env.optional("DATABASE_PASSWORD").orElse(""),
                databases, env.optional("BACKUP_CONTAINER").orElse(DEFAULT_CONTAINER), connectionString, endpoint,
                env.optional("AZURE_CLIENT_ID"));
    }

    public BlobStore store() {
        return connectionString.map(cs -> BlobStore.withConnectionString(cs, container))
                .orElseGet(() -> BlobStore.withIdentity(blobEndpoint.orElseThrow(), container, clientId.orElse(null)));
    }

    @Override
    public String toString() {
        return "BackupConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, databases=" + databases
                + ", container=" + container + ", store=" + (connectionString.isPresent() ? "connection string" : blobEndpoint.orElse("")) + "]";
    }
}
