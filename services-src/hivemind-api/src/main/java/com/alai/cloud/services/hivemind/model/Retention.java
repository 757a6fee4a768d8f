package com.alai.cloud.services.hivemind.model;

/** How long a topic keeps messages: by age, by count, both (whichever removes more) or neither (null = unbounded). */
public record Retention(Long maxAgeSeconds, Long maxCount) {
    public static final Retention FOREVER = new Retention(null, null);
}
