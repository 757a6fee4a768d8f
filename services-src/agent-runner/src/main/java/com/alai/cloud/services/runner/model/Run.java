package com.alai.cloud.services.runner.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A run as stored and as the API shows it. */
public record Run(long id, String agent, String input, Long taskId, String model, int timeoutSeconds,
                  BigDecimal maxCostUsd, RunStatus status, int priority, int attempt, int maxAttempts,
                  String worker, boolean cancelRequested, boolean spent, Usage usage, String output, String error,
                  Instant createdAt, Instant startedAt, Instant finishedAt) {
}
