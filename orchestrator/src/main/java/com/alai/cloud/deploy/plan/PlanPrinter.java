package com.alai.cloud.deploy.plan;

import com.alai.cloud.policy.cost.CostLine;
import com.alai.cloud.policy.rules.PolicyResult;
import java.io.PrintWriter;
import java.util.Comparator;

/** The human form of a plan: tree, policy results (failures first), cost table with budget and seed estimate. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static void print(StackPlan plan, PrintWriter out) {
        var graph = plan.graph();
        out.printf("%s — phase %d %s — %d resources%n", graph.stack(), plan.phase().number(), plan.phase().title(),
                graph.cloudResources().size());
        out.print(TreeRenderer.render(graph));
        out.println();
        out.println("Policy");
        plan.policy().stream()
                .sorted(Comparator.comparing((PolicyResult r) -> r.status() != PolicyResult.Status.FAIL)
                        .thenComparing(PolicyResult::ruleId))
                .forEach(r -> out.printf("  %-6s %s %-9s %-48s %s%s%n", r.status(), r.ruleId(),
                        r.severity().name().toLowerCase(java.util.Locale.ROOT), r.title(), r.resource(),
                        r.message().isEmpty() ? "" : " — " + r.message()));
        out.println();
        out.println("Cost (USD/month)");
        for (CostLine line : plan.cost().lines()) {
            if (line.monthly() >= 0.005 || line.quantity() == 0) {
                out.printf("  %-36s %-34s %14s %-12s × %-9s = %8.2f%n", line.resource(), line.item(),
                        quantity(line.quantity()), line.unit(),
                        java.math.BigDecimal.valueOf(line.unitPrice()).stripTrailingZeros().toPlainString(), line.monthly());
            }
        }
        out.printf("  %-36s %-34s %50s%n", "total", "", String.format("%8.2f", plan.cost().total()));
        plan.cost().budget().ifPresent(b -> out.printf("  budget $%.2f — %s%n", b,
                plan.cost().overBudget() ? "OVER BUDGET" : "within budget"));
        plan.cost().seedEstimate().ifPresent(s -> out.println("  seed's own estimate: " + s));
        long failures = plan.policy().stream().filter(PolicyResult::blocking).count();
        out.printf("%n%s: %s%n%n", graph.stack(), failures == 0 ? "OK — no mandatory violations"
                : failures + " mandatory violation(s)");
    }

    private static String quantity(double q) {
        return q == Math.rint(q) ? String.format("%,d", (long) q) : String.format("%,.2f", q);
    }
}
