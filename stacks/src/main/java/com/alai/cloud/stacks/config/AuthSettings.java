package com.alai.cloud.stacks.config;

/** The OIDC issuer every app trusts (Azure AD B2C or Entra External ID). */
public record AuthSettings(String issuer, String audience) {
    static AuthSettings read(SettingsReader in) {
        return new AuthSettings(
                in.matching("oidcIssuer", "https://[^\\s]+", "must be an https:// issuer URL"),
                in.matching("oidcAudience", "[A-Za-z0-9:/._-]{3,200}", "must be the API's audience (client id or URI)"));
    }
}
