package com.alai.cloud.services.runner.model;

import java.math.BigDecimal;

/** Model tokens bought for a run and what they cost. */
public record Usage(long inputTokens, long outputTokens, BigDecimal costUsd) {
    public static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, costUsd.add(other.costUsd));
    }
}
