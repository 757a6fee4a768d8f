package com.alai.cloud.images;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;

/**
 * What a service image starts from. {@link #scratch()}: nothing — the host's glibc files and a jlink'd runtime of only
 * the modules the service needs are layered in, so it builds offline. {@link #registry}: an image that brings its own
 * Java ≥ 21 (the distroless Java runtime by default, whose java is /usr/bin/java); only the dependency and application
 * layers are added. Pinned by digest, a registry base keeps builds reproducible.
 */
public record BaseImage(String reference, String java, RegistryAuth auth) {
    public static final String DISTROLESS = "gcr.io/distroless/java21-debian12:nonroot";
    public static final String DISTROLESS_JAVA = "/usr/bin/java";
    static final String SCRATCH_JAVA = "/opt/java/bin/java";

    public BaseImage {
        if (reference != null && parse(reference) == null) {
            throw new IllegalArgumentException("base image '" + reference + "' must be [host[:port]/]repository[:tag][@sha256:…]");
        }
        if (!java.matches("(/[A-Za-z0-9._-]+)+")) {
            throw new IllegalArgumentException("the base image's java '" + java + "' must be an absolute path");
        }
    }

    public static BaseImage scratch() {
        return new BaseImage(null, SCRATCH_JAVA, RegistryAuth.anonymous(false));
    }

    public static BaseImage registry(String reference, String java, RegistryAuth auth) {
        return new BaseImage(reference, java, auth);
    }

    public boolean isScratch() {
        return reference == null;
    }

    /** A tag can move under the same name; only a digest names the same bytes on every build. */
    public boolean pinned() {
        return isScratch() || parse(reference).getDigest().isPresent();
    }

    // Jib's reading, or null when it is not an image reference.
    private static ImageReference parse(String reference) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            return null;
        }
    }
}
