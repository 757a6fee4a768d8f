package com.alai.cloud.services.hivemind.model;

import java.time.Instant;

/** One stored message; headers and payload are kept as the JSON text PostgreSQL returns, never re-parsed. */
public record Message(String topic, long offset, String producer, String headersJson, String payloadJson,
                      Instant createdAt) {
}
