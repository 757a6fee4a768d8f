package com.alai.cloud.services.hivemind.model;

/** Where a publish landed; {@code replayed} is true when an idempotency key matched an earlier publish. */
public record Published(String topic, long offset, boolean replayed) {
}
