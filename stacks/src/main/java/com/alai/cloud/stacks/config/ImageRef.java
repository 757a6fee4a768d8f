package com.alai.cloud.stacks.config;

import java.util.regex.Pattern;

/**
 * An app's image: either pinned ({@code registry/repo@sha256:…}), or {@code build:SERVICE}, meaning "built from
 * services-src and pinned by alai-deploy before pulumi up". Tags are accepted here so the policy can report them.
 */
public record ImageRef(String value) {
    private static final Pattern BUILD = Pattern.compile("build:([a-z][a-z0-9-]{1,40})");
    private static final Pattern REFERENCE = Pattern.compile(
            "[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+(:[A-Za-z0-9._-]{1,128})?(@sha256:[0-9a-f]{64})?");

    public ImageRef {
        if (value == null || !(BUILD.matcher(value).matches() || REFERENCE.matcher(value).matches())) {
            throw new IllegalArgumentException("image '" + value
                    + "' must be registry/repo@sha256:<64 hex> (or build:SERVICE to build and pin at deploy)");
        }
    }

    public boolean pinned() {
        return value.matches(".*@sha256:[0-9a-f]{64}");
    }

    public boolean toBuild() {
        return value.startsWith("build:");
    }
}
