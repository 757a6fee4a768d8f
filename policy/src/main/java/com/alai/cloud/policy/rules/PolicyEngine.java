package com.alai.cloud.policy.rules;

import com.alai.cloud.policy.cost.CostReport;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates every rule on a stack, applies waivers, reports waivers that are expired or name nothing, and turns an
 * over-budget cost estimate into a mandatory violation.
 */
public final class PolicyEngine {
    public static final String WAIVER_RULE = "ALAI-095";
    public static final String BUDGET_RULE = "ALAI-096";
    public static final String WAIVER_TITLE = "Waivers are current and name real things";
    public static final String BUDGET_TITLE = "Monthly estimate is within the phase budget";

    private final List<Rule> rules;
    private final List<Waiver> waivers;

    public PolicyEngine(List<Rule> rules, List<Waiver> waivers) {
        this.rules = List.copyOf(rules);
        this.waivers = List.copyOf(waivers);
    }

    public List<PolicyResult> evaluate(ResourceGraph graph, PolicyContext context, Optional<CostReport> cost) {
        var results = new ArrayList<PolicyResult>();
        for (Rule rule : rules) {
            List<ResourceNode> subjects = rule.subjects(graph);
            List<Finding> findings = rule.evaluate(graph, context);
            for (Finding finding : findings) {
                Optional<Waiver> waiver = waivers.stream()
                        .filter(w -> w.covers(rule.id(), graph.stack(), names(graph, finding.resource())))
                        .filter(w -> !w.expires().isBefore(context.planDate()))
                        .findFirst();
                results.add(new PolicyResult(rule.id(), rule.severity(), rule.title(), finding.resource(),
                        waiver.isPresent() ? PolicyResult.Status.WAIVED : PolicyResult.Status.FAIL,
                        waiver.map(w -> finding.message() + " — waived until " + w.expires() + ": " + w.reason())
                                .orElse(finding.message())));
            }
            if (findings.isEmpty() && !subjects.isEmpty()) {
                results.add(new PolicyResult(rule.id(), rule.severity(), rule.title(), subjects.size() + " resource(s)",
                        PolicyResult.Status.PASS, ""));
            }
        }
        waiverFindings(graph, context, results);
        cost.ifPresent(c -> results.add(budget(c)));
        return results;
    }

    /**
     * The names a finding's resource goes by: its Azure name, and the Pulumi logical name of the resource carrying it.
     * A waiver names the logical one, which stays put when the subscription (and so every unique suffix) changes.
     */
    private static java.util.Set<String> names(ResourceGraph graph, String physicalName) {
        var names = new java.util.HashSet<String>();
        names.add(physicalName);
        graph.resources().stream().filter(r -> r.physicalName().equals(physicalName)).forEach(r -> names.add(r.name()));
        return names;
    }

    private void waiverFindings(ResourceGraph graph, PolicyContext context, List<PolicyResult> results) {
        for (Waiver waiver : waivers) {
            if (!waiver.stack().equals(graph.stack())) {
                continue;
            }
            String problem = null;
            if (RuleCatalog.byId(waiver.ruleId()).isEmpty()) {
                problem = "waiver names unknown rule " + waiver.ruleId();
            } else if (graph.resources().stream().noneMatch(r -> r.physicalName().equals(waiver.resource())
                    || r.name().equals(waiver.resource()))) {
                problem = "waiver for " + waiver.ruleId() + " names no resource of this stack";
            } else if (waiver.expires().isBefore(context.planDate())) {
                problem = "waiver for " + waiver.ruleId() + " expired on " + waiver.expires();
            }
            if (problem != null) {
                results.add(new PolicyResult(WAIVER_RULE, Severity.MANDATORY, WAIVER_TITLE,
                        waiver.resource(), PolicyResult.Status.FAIL, problem));
            }
        }
    }

    private static PolicyResult budget(CostReport cost) {
        String title = BUDGET_TITLE;
        if (cost.budget().isEmpty()) {
            return new PolicyResult(BUDGET_RULE, Severity.MANDATORY, title, cost.stack(), PolicyResult.Status.FAIL,
                    "no budget for " + cost.stack() + " in alai-cloud:budgets");
        }
        String message = String.format("$%.2f of $%.2f", cost.total(), cost.budget().get());
        return new PolicyResult(BUDGET_RULE, Severity.MANDATORY, title, cost.stack(),
                cost.overBudget() ? PolicyResult.Status.FAIL : PolicyResult.Status.PASS, message);
    }
}
