package com.alai.cloud.services.runner.model;

import java.math.BigDecimal;

/**
 * A run to queue, already validated against its agent's definition. {@code caller} and {@code idempotencyKey}
 * together name it: the same pair returns the same run; {@code requestHash} tells a retry from a reused key.
 */
public record NewRun(String agent, String input, Long taskId, String model, int timeoutSeconds, BigDecimal maxCostUsd,
                     String caller, String idempotencyKey, String requestHash, int priority, int maxAttempts) {
}
