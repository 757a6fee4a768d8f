package com.alai.cloud.services.bitwarden.client;

import java.net.URI;
import java.util.Map;

/**
 * Where the identity and API services of a Bitwarden server are: Bitwarden cloud serves them on their own hosts
 * (US and EU), a self-hosted or compatible server under {@code /identity} and {@code /api} of its vault URL.
 */
public record Endpoints(URI identity, URI api) {
    private static final Map<String, Endpoints> CLOUD = Map.of(
            "vault.bitwarden.com", new Endpoints(URI.create("https://identity.bitwarden.com"), URI.create("https://api.bitwarden.com")),
            "vault.bitwarden.eu", new Endpoints(URI.create("https://identity.bitwarden.eu"), URI.create("https://api.bitwarden.eu")));

    public Endpoints {
        for (URI uri : new URI[] {identity, api}) {
            if (!"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("Bitwarden URL " + uri + " is not https (the vault travels over it)");
            }
        }
    }

    /** From a vault URL as {@code bw config server} takes it, e.g. https://vault.bitwarden.eu. */
    public static Endpoints of(String vaultUrl) {
        URI uri = URI.create(vaultUrl.endsWith("/") ? vaultUrl.substring(0, vaultUrl.length() - 1) : vaultUrl);
        Endpoints cloud = CLOUD.get(String.valueOf(uri.getHost()));
        return cloud != null ? cloud : new Endpoints(URI.create(uri + "/identity"), URI.create(uri + "/api"));
    }
}
