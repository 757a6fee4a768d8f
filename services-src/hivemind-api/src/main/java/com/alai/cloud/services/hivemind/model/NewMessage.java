package com.alai.cloud.services.hivemind.model;

/** A validated message to publish; the producer is the caller's token subject, never a body field. */
public record NewMessage(String producer, String idempotencyKey, String headersJson, String payloadJson) {
}
