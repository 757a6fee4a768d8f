package com.alai.cloud.services.hivemind.model;

import java.time.Instant;

/** A consumer group's committed position on a topic: every offset up to and including it is processed. */
public record ConsumerGroup(String topic, String name, long committedOffset, Instant updatedAt) {
}
