package com.alai.cloud.stacks.config;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An app's image: either pinned ({@code registry/repo@sha256:…}), or {@code build:SERVICE}, meaning "built from
 * services-src and pinned by alai-deploy before pulumi up". Tags are accepted here so the policy can report them.
 * References are parsed by Jib's {@link ImageReference}, the same parser the image build and push use.
 */
public record ImageRef(String value) {
    private static final Pattern BUILD = Pattern.compile("build:([a-z][a-z0-9-]{1,40})");

    public ImageRef {
        if (value == null || !(BUILD.matcher(value).matches() || parse(value).isPresent())) {
            throw new IllegalArgumentException("image '" + value
                    + "' must be registry/repo@sha256:<64 hex> (or build:SERVICE to build and pin at deploy)");
        }
    }

    /**
     * Jib's reading of {@code reference} when it is one and names its registry host (a bare {@code repo:tag} would
     * silently mean Docker Hub); empty otherwise.
     */
    public static Optional<ImageReference> parse(String reference) {
        int slash = reference.indexOf('/');
        String host = slash < 0 ? "" : reference.substring(0, slash);
        if (!(host.contains(".") || host.contains(":") || host.equals("localhost"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageReference.parse(reference));
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /** The manifest digest ({@code sha256:…}) that {@code reference} is pinned to, if it is a pinned reference. */
    public static Optional<String> digestOf(String reference) {
        return parse(reference).flatMap(ImageReference::getDigest);
    }

    public boolean pinned() {
        return digestOf(value).isPresent();
    }

    public boolean toBuild() {
        return value.startsWith("build:");
    }
}
