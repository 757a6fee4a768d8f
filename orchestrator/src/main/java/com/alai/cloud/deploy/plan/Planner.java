package com.alai.cloud.deploy.plan;

import com.alai.cloud.policy.cost.CostModel;
import com.alai.cloud.policy.cost.CostReport;
import com.alai.cloud.policy.cost.PriceTable;
import com.alai.cloud.policy.cost.Usage;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.Synthesizer;
import com.alai.cloud.policy.rules.PolicyContext;
import com.alai.cloud.policy.rules.PolicyEngine;
import com.alai.cloud.policy.rules.RuleCatalog;
import com.alai.cloud.policy.rules.Waiver;
import com.alai.cloud.stacks.config.ConfigSource;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.SettingsReader;
import com.alai.cloud.stacks.phases.Phase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Synthesizes phases offline, prices every stack up to the last one asked for, and evaluates the policy. */
public final class Planner {
    private final EnvironmentSettings settings;
    private final ConfigSource config;
    private final LocalDate planDate;

    public Planner(ConfigSource config, LocalDate planDate) {
        this.config = config;
        this.settings = EnvironmentSettings.read(config);
        this.planDate = planDate;
    }

    public List<StackPlan> plan(List<Phase> phases) {
        var synthesizer = new Synthesizer(settings);
        Phase last = phases.stream().max(Enum::compareTo).orElseThrow();
        var graphs = new ArrayList<ResourceGraph>();
        for (Phase phase : Phase.values()) {
            if (phase.compareTo(last) <= 0) {
                graphs.add(synthesizer.synthesize(phase));
            }
        }
        Map<String, CostReport> costs = new CostModel(PriceTable.load(settings.naming().location()), Usage.read(config))
                .estimate(graphs);
        var context = new PolicyContext(settings, planDate, new SettingsReader(config).list("allowedLocations"));
        var engine = new PolicyEngine(RuleCatalog.all(), Waiver.read(config));
        var plans = new ArrayList<StackPlan>();
        for (Phase phase : phases) {
            ResourceGraph graph = graphs.get(phase.number());
            CostReport cost = costs.get(graph.stack());
            plans.add(new StackPlan(phase, graph, engine.evaluate(graph, context, Optional.of(cost)), cost));
        }
        return plans;
    }
}
