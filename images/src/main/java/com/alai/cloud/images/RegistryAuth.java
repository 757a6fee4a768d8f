package com.alai.cloud.images;

import com.google.cloud.tools.jib.api.RegistryImage;

/**
 * How to authenticate to a registry: none (a local registry), or a username and a token (ACR accepts the user
 * 00000000-0000-0000-0000-000000000000 with a token from `az acr login --expose-token`). The token is never logged.
 */
public record RegistryAuth(String username, String token, boolean insecure) {

    public static RegistryAuth anonymous(boolean insecure) {
        return new RegistryAuth(null, null, insecure);
    }

    /** ALAI_REGISTRY_USERNAME / ALAI_REGISTRY_TOKEN when set, else anonymous: the push target's credentials. */
    public static RegistryAuth fromEnvironment(boolean insecure) {
        return fromEnvironment("ALAI_REGISTRY", insecure);
    }

    /**
     * PREFIX_USERNAME / PREFIX_TOKEN when set, else anonymous. A base image's registry gets its own variables
     * (ALAI_BASE_REGISTRY_…), so the push token is never sent to whatever host a base names.
     */
    public static RegistryAuth fromEnvironment(String prefix, boolean insecure) {
        String user = System.getenv(prefix + "_USERNAME");
        String token = System.getenv(prefix + "_TOKEN");
        return user == null || token == null ? anonymous(insecure) : new RegistryAuth(user, token, insecure);
    }

    void apply(RegistryImage image) {
        if (username != null) {
            image.addCredential(username, token);
        }
    }

    @Override
    public String toString() {
        return "RegistryAuth[username=" + username + ", token=" + (token == null ? "none" : "***") + ", insecure=" + insecure + "]";
    }
}
