package com.alai.cloud.policy.cost;

import com.alai.cloud.components.azure.Props;
import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly cost per resource and stack from a price table and usage assumptions. The Container Apps free grant is
 * one per subscription: it is consumed in phase order across all stacks, idle usage first (the conservative order).
 */
public final class CostModel {
    static final double HOURS_PER_MONTH = 730;
    static final double DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
    static final Map<String, String> SEED_ESTIMATES = Map.of(
            "phase1", "$4/month (Bitwarden Teams, 1 user)",
            "phase2", "$30-32/month (Container Apps ~$3, Postgres B1ms ~$22-24, ACR Basic $5)");

    private final PriceTable prices;
    private final Usage usage;

    public CostModel(PriceTable prices, Usage usage) {
        this.prices = prices;
        this.usage = usage;
    }

    /** Reports for {@code graphs}, which must be in phase order starting at the foundation. */
    public Map<String, CostReport> estimate(List<ResourceGraph> graphs) {
        var grant = new Grant(prices.grant("aca.vcpu.seconds"), prices.grant("aca.gib.seconds"),
                prices.grant("aca.requests"), prices.grant("loganalytics.gb"));
        var reports = new LinkedHashMap<String, CostReport>();
        for (ResourceGraph graph : graphs) {
            var lines = new ArrayList<CostLine>();
            for (ResourceNode node : graph.cloudResources()) {
                price(node, grant, lines);
            }
            external(graph.stack(), lines);
            String phaseKey = graph.stack().contains("-phase") ? graph.stack().substring(graph.stack().indexOf("-phase") + 1) : "phase0";
            reports.put(graph.stack(), new CostReport(graph.stack(), lines,
                    Optional.ofNullable(usage.budgets().get(graph.stack())), Optional.ofNullable(SEED_ESTIMATES.get(phaseKey))));
        }
        return reports;
    }

    private void price(ResourceNode node, Grant grant, List<CostLine> lines) {
        String name = node.physicalName();
        switch (AzureType.of(node.type()).orElse(null)) {
            case POSTGRES_SERVER -> {
                if (node.string(Props.SKU_NAME).filter("Standard_B1ms"::equals).isPresent()) {
                    add(lines, name, "compute B1ms", HOURS_PER_MONTH, "hour", "postgres.b1ms.hour");
                } else {
                    lines.add(new CostLine(name, "compute " + node.string(Props.SKU_NAME).orElse("?") + " (not in price table)", 0, "hour", 0, 0));
                }
                add(lines, name, "storage", number(node, Props.STORAGE_GB), "GB-month", "postgres.storage.gbmonth");
            }
            case CONTAINER_REGISTRY -> add(lines, name, "Basic registry", DAYS_PER_MONTH, "day", "acr.basic.day");
            case LOG_ANALYTICS -> {
                double billable = grant.takeLogs(usage.logGbPerMonth());
                add(lines, name, "ingestion beyond free 5 GB", billable, "GB", "loganalytics.gb");
            }
            case STORAGE_ACCOUNT -> {
                // The replication in the SKU (Standard_LRS, Standard_GRS) picks the meter.
                String redundancy = node.string(Props.SKU_NAME).orElse("Standard_LRS").replaceFirst("^.*_", "");
                add(lines, name, "backups (hot " + redundancy + ")", usage.backupGb(), "GB-month",
                        "blob.hot." + redundancy.toLowerCase(java.util.Locale.ROOT) + ".gbmonth");
            }
            case CONTAINER_APP -> app(node, grant, lines);
            case CONTAINER_APP_JOB -> job(node, grant, lines);
            case null, default -> { }
        }
    }

    private void app(ResourceNode node, Grant grant, List<CostLine> lines) {
        double cpu = number(node, Props.CPU);
        double gib = gib(node.string(Props.MEMORY).orElse("0Gi"));
        double replicas = Math.max(1, number(node, Props.MIN_REPLICAS));
        double active = usage.activeHoursPerDay() * DAYS_PER_MONTH * 3600;
        double idle = number(node, Props.MIN_REPLICAS) >= 1 ? replicas * HOURS_PER_MONTH * 3600 - active : 0;
        String name = node.physicalName();
        double idleCpu = grant.takeCpu(idle * cpu);
        double idleMem = grant.takeMem(idle * gib);
        double activeCpu = grant.takeCpu(active * cpu);
        double activeMem = grant.takeMem(active * gib);
        add(lines, name, "idle vCPU after grant", idleCpu, "vCPU-s", "aca.idle.vcpu.second");
        add(lines, name, "idle memory after grant", idleMem, "GiB-s", "aca.idle.gib.second");
        add(lines, name, "active vCPU after grant", activeCpu, "vCPU-s", "aca.active.vcpu.second");
        add(lines, name, "active memory after grant", activeMem, "GiB-s", "aca.active.gib.second");
        add(lines, name, "requests after grant (millions)", grant.takeRequests(usage.requestsPerMonth()) / 1e6, "1M requests",
                "aca.requests.million");
    }

    private void job(ResourceNode node, Grant grant, List<CostLine> lines) {
        double cpu = number(node, Props.CPU);
        double gib = gib(node.string(Props.MEMORY).orElse("0Gi"));
        double seconds = usage.jobRunsPerMonth() * usage.jobMinutesPerRun() * 60;
        add(lines, node.physicalName(), "executions vCPU after grant", grant.takeCpu(seconds * cpu), "vCPU-s", "aca.active.vcpu.second");
        add(lines, node.physicalName(), "executions memory after grant", grant.takeMem(seconds * gib), "GiB-s", "aca.active.gib.second");
    }

    private void external(String stack, List<CostLine> lines) {
        if (stack.endsWith("-phase1")) {
            add(lines, "bitwarden-cloud", "Teams seats", usage.bitwardenUsers(), "user-month", "bitwarden.teams.user");
        } else if (stack.endsWith("-phase5")) {
            add(lines, "together.ai", "fallback tokens (millions)", usage.fallbackMTokensPerMonth(), "1M tokens", "together.llama70b.mtokens");
        }
    }

    private void add(List<CostLine> lines, String resource, String item, double quantity, String unit, String priceKey) {
        double unitPrice = prices.price(priceKey);
        lines.add(new CostLine(resource, item, quantity, unit, unitPrice, quantity * unitPrice));
    }

    private static double number(ResourceNode node, String path) {
        return node.at(path).filter(v -> v instanceof Number).map(v -> ((Number) v).doubleValue()).orElse(0.0);
    }

    private static double gib(String memory) {
        return memory.endsWith("Gi") ? Double.parseDouble(memory.substring(0, memory.length() - 2)) : 0;
    }

    /** What is left of the subscription's monthly free grants; each take returns the part the grant did not cover. */
    private static final class Grant {
        private final double[] left;

        Grant(double cpu, double mem, double requests, double logs) {
            this.left = new double[] {cpu, mem, requests, logs};
        }

        private double take(int kind, double used) {
            double free = Math.min(left[kind], used);
            left[kind] -= free;
            return used - free;
        }

        double takeCpu(double used) {
            return take(0, used);
        }

        double takeMem(double used) {
            return take(1, used);
        }

        double takeRequests(double used) {
            return take(2, used);
        }

        double takeLogs(double used) {
            return take(3, used);
        }
    }
}
