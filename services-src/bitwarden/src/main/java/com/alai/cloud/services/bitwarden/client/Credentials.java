package com.alai.cloud.services.bitwarden.client;

/**
 * What unlocks one account: the master password (always: the vault key is wrapped with it) and, for Bitwarden cloud,
 * the account's personal API key, which logs in without the new-device e-mail check a password login meets there.
 * {@code deviceId} is this client's stable device identifier.
 */
public record Credentials(String email, String masterPassword, String clientId, String clientSecret, String deviceId) {
    public Credentials {
        if (email == null || email.isBlank() || masterPassword == null || masterPassword.isEmpty()) {
            throw new IllegalArgumentException("a Bitwarden e-mail and master password are required");
        }
        if ((clientId == null) != (clientSecret == null)) {
            throw new IllegalArgumentException("an API key needs both its client id and its client secret");
        }
    }

    public boolean apiKey() {
        return clientId != null;
    }

    @Override
    public String toString() {
        return "Credentials[" + email + (apiKey() ? ", api key" : "") + "]";
    }
}
