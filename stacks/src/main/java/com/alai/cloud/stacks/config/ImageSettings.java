package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code images: {SERVICE: IMAGE}}, each IMAGE pinned by digest or {@code build:SERVICE}. */
final class ImageSettings {
    static final String KEY = "images";

    private ImageSettings() {
    }

    static Map<String, ImageRef> read(SettingsReader in) {
        Map<String, String> raw = in.structured(KEY, new TypeReference<LinkedHashMap<String, String>>() { },
                LegacyForms::images).orElse(new LinkedHashMap<>());
        var images = new LinkedHashMap<String, ImageRef>();
        raw.forEach((service, image) -> {
            String path = BindingErrors.child(KEY, service);
            if (!service.matches("[a-z][a-z0-9-]{1,40}")) {
                throw new ConfigException(path, "'" + service + "' is not a service name (services-src/)");
            }
            images.put(service, SettingsReader.parse(path, image, ImageRef::new));
        });
        return Map.copyOf(images);
    }
}
