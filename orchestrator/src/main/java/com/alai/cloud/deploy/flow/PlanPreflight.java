package com.alai.cloud.deploy.flow;

import com.alai.cloud.components.secrets.SecretNotFoundException;
import com.alai.cloud.components.secrets.SecretRef;
import com.alai.cloud.components.secrets.SecretSource;
import com.alai.cloud.deploy.plan.Planner;
import com.alai.cloud.deploy.plan.StackPlan;
import com.alai.cloud.policy.rules.PolicyResult;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Preflight as `plan` sees it: no mandatory policy violation, and every Bitwarden binding the phase uses resolves. */
public final class PlanPreflight implements Preflight {
    private final YamlConfigSource base;
    private final SecretSource secrets;
    private final Clock clock;

    public PlanPreflight(YamlConfigSource base, SecretSource secrets, Clock clock) {
        this.base = base;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public List<String> problems(Phase phase, Map<String, String> config) {
        var problems = new ArrayList<String>();
        var source = base.with(config);
        StackPlan plan = new Planner(source, LocalDate.now(clock)).plan(List.of(phase)).get(0);
        plan.policy().stream().filter(PolicyResult::blocking)
                .forEach(r -> problems.add(r.ruleId() + " " + r.resource() + ": " + r.message()));
        for (SecretRef ref : bindings(phase, EnvironmentSettings.read(source))) {
            try {
                secrets.resolve(ref);
            } catch (SecretNotFoundException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** The bindings a phase's program resolves (phase 1 proves all expected items). */
    static List<SecretRef> bindings(Phase phase, EnvironmentSettings settings) {
        var refs = new LinkedHashSet<SecretRef>();
        switch (phase) {
            case SECRETS -> refs.addAll(settings.secrets().expected());
            case CONTROL_PLANE -> refs.add(settings.postgres().adminPassword());
            case DATA_PLANE -> refs.addAll(settings.routing().apiKeys());
            default -> { }
        }
        return List.copyOf(refs);
    }
}
