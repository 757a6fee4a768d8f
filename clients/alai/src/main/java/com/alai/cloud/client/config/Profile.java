package com.alai.cloud.client.config;

import com.alai.cloud.client.error.AlaiException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One named set of endpoints: the OIDC issuer and client id `alai login` uses, and the APIs. {@code mcUrl} absent means
 * Mission Control is the local SQLite file {@code mcDb} (ANVIL's backward-compatible path).
 */
public record Profile(String name, URI issuer, String clientId, List<String> scopes, URI mcUrl, URI hiveUrl, Path mcDb) {
    public Profile {
        scopes = List.copyOf(scopes);
    }

    public String requireClientId() {
        if (clientId == null) {
            throw AlaiException.usage("profile '" + name + "' has no clientId: set ALAI_CLIENT_ID or clientId under"
                    + " profiles." + name + " in the config file (the app registration's Application (client) ID)");
        }
        return clientId;
    }

    public URI requireHiveUrl() {
        if (hiveUrl == null) {
            throw AlaiException.usage("profile '" + name + "' has no hiveUrl: set ALAI_HIVE_URL or hiveUrl under profiles." + name);
        }
        return hiveUrl;
    }
}
