package com.alai.cloud.deploy.flow;

import com.alai.cloud.stacks.config.EnvironmentSync;
import com.alai.cloud.stacks.config.ImageRef;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The `images` config of an operation: SERVICE: IMAGE, which must all be pinned by digest before apply. */
public final class ImagePins {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImagePins() {
    }

    static Map<String, String> images(Map<String, String> config) {
        var images = new TreeMap<String, String>();
        String raw = config.get("images");
        if (raw == null) {
            return images;
        }
        try {
            images.putAll(EnvironmentSync.images(JSON.readTree(raw)));
        } catch (Exception e) {
            throw new CheckFailedException("config images is not a mapping of SERVICE: IMAGE");
        }
        return images;
    }

    /** Every service {@code services} names must be in the config and pinned; other services' entries are not deployed. */
    static void requirePinned(String stack, List<String> services, Map<String, String> config) {
        var unpinned = new ArrayList<String>();
        Map<String, String> images = images(config);
        for (String service : services) {
            String image = images.get(service);
            if (image == null || ImageRef.digestOf(image).isEmpty()) {
                unpinned.add(service + "=" + (image == null ? "(none)" : image));
            }
        }
        if (!unpinned.isEmpty()) {
            throw new CheckFailedException("images of " + stack + " are not pinned by digest: " + unpinned
                    + "; pass --image SERVICE=registry/repo@sha256:… for each (from `alai-deploy images push`)");
        }
    }

    static Map<String, String> digests(List<String> services, Map<String, String> config) {
        var digests = new TreeMap<String, String>();
        images(config).forEach((service, image) -> {
            if (!services.contains(service)) {
                return;
            }
            ImageRef.digestOf(image).ifPresent(digest -> digests.put(service, digest));
        });
        return digests;
    }
}
