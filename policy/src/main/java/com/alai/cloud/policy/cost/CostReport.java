package com.alai.cloud.policy.cost;

import java.util.List;
import java.util.Optional;

/** A stack's monthly estimate beside its budget and the seeds' own estimate. */
public record CostReport(String stack, List<CostLine> lines, Optional<Double> budget, Optional<String> seedEstimate) {
    public CostReport {
        lines = List.copyOf(lines);
    }

    public double total() {
        return lines.stream().mapToDouble(CostLine::monthly).sum();
    }

    public boolean overBudget() {
        return budget.isPresent() && total() > budget.get() + 1e-9;
    }
}
