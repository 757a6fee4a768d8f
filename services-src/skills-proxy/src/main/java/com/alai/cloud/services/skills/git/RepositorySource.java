package com.alai.cloud.services.skills.git;

import com.alai.cloud.services.common.config.ConfigError;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the repository comes from ({@code SKILLS_REPO}): a directory on this machine (the image's baked-in bare
 * repository, or a working copy), opened in place; or a {@code file://} / {@code https://} URL, cloned at start.
 * Credentials are never part of the URL: the value is logged and shown in errors.
 */
public record RepositorySource(String location, boolean remote) {

    public static RepositorySource parse(String value) {
        if (!value.contains("://")) {
            return new RepositorySource(value, false);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigError("SKILLS_REPO", "'" + value + "' is not a URL: " + e.getReason());
        }
        if (!"file".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigError("SKILLS_REPO", "scheme " + uri.getScheme() + " is not served: use a directory, file:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigError("SKILLS_REPO", "the URL holds credentials; they belong in a secret, not in the URL");
        }
        return new RepositorySource(value, true);
    }

    public String display() {
        return location;
    }
}
