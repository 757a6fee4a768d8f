package com.alai.cloud.services.runner.queue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A run as one worker holds it: the lease is (worker, attempt), and every write the worker makes is fenced by it, so
 * a worker that was presumed dead and rescued can no longer change the run.
 */
public record Claim(long runId, String agent, String input, Long taskId, String model, int timeoutSeconds,
                    BigDecimal maxCostUsd, int attempt, int maxAttempts, String worker, Instant deadline) {
}
