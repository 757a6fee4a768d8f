package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alai.cloud.policy.cost.CostModel;
import com.alai.cloud.policy.cost.CostReport;
import com.alai.cloud.policy.cost.PriceTable;
import com.alai.cloud.policy.cost.Usage;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.stacks.phases.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model against a hand calculation with the committed price table and the dev usage assumptions. */
class CostModelTest {
    private static final PriceTable PRICES = PriceTable.load("swedencentral");

    static Map<String, CostReport> estimate(Map<String, String> overrides) {
        var graphs = new ArrayList<ResourceGraph>();
        for (Phase phase : Phase.values()) {
            graphs.add(Offline.graph(phase));
        }
        return new CostModel(PRICES, Usage.read(Offline.config().with(overrides))).estimate(graphs);
    }

    @Test
    void phaseTwoMatchesTheHandCalculation() {
        // Postgres B1ms: 730 h × $0.0208 = 15.184; storage 32 GB × $0.127 = 4.064.
        double postgres = 730 * 0.0208 + 32 * 0.127;
        // Each app: 0.25 vCPU / 0.5 GiB, min 1 replica, 5 active hours a day over 730/24 days.
        double active = 5 * (730.0 / 24) * 3600;          // 547,500 s
        double idle = 730 * 3600 - active;                 // 2,080,500 s
        // The subscription's grant (180,000 vCPU-s, 360,000 GiB-s) is used up by mc-api's idle time first.
        double mcApi = (idle * 0.25 - 180_000) * 0.000003 + (idle * 0.5 - 360_000) * 0.000003
                + active * 0.25 * 0.000024 + active * 0.5 * 0.000003;
        double hivemind = idle * 0.25 * 0.000003 + idle * 0.5 * 0.000003 + active * 0.25 * 0.000024 + active * 0.5 * 0.000003;
        // Backup job: 30 runs × 3 min at 0.25 vCPU / 0.5 GiB, active rates.
        double job = 30 * 180 * 0.25 * 0.000024 + 30 * 180 * 0.5 * 0.000003;
        // 300,000 requests per app stay inside the 2 M free requests.
        double expected = postgres + mcApi + hivemind + job;
        assertThat(expected).isCloseTo(35.24, within(0.01));
        assertThat(estimate(Map.of()).get("dev-phase2").total()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void theFreeGrantIsAppliedOncePerSubscriptionNotPerApp() {
        Map<String, CostReport> reports = estimate(Map.of());
        double mcApi = appTotal(reports.get("dev-phase2"), "ca-alai-mc-api-dev-swc");
        double hivemind = appTotal(reports.get("dev-phase2"), "ca-alai-hivemind-api-dev-swc");
        double agentRunner = appTotal(reports.get("dev-phase3"), "ca-alai-agent-runner-dev-swc");
        assertThat(mcApi).isLessThan(hivemind);
        assertThat(agentRunner).isCloseTo(hivemind, within(1e-9));
    }

    @Test
    void phaseOneIsTheBitwardenTeamsSeat() {
        assertThat(estimate(Map.of()).get("dev-phase1").total()).isCloseTo(4.00, within(1e-9));
    }

    @Test
    void foundationIsTheRegistryAndGeoRedundantBackupStorageWithLogsInsideTheFreeFiveGigabytes() {
        double expected = 0.1666 * 730 / 24 + 5 * 0.0458; // Basic registry, 5 GB of hot GRS backups
        assertThat(estimate(Map.of()).get("dev").total()).isCloseTo(expected, within(1e-9));
        assertThat(estimate(Map.of("usageLogGbPerMonth", "7")).get("dev").total()).isCloseTo(expected + 2 * 2.99, within(1e-9));
    }

    @Test
    void moreActiveHoursCostMore() {
        assertThat(estimate(Map.of("usageActiveHoursPerDay", "12")).get("dev-phase2").total())
                .isGreaterThan(estimate(Map.of()).get("dev-phase2").total());
    }

    @Test
    void eachStackCarriesItsBudgetAndTheSeedsEstimateWhereTheSeedGivesOne() {
        CostReport phase2 = estimate(Map.of()).get("dev-phase2");
        assertThat(phase2.budget()).contains(40.0);
        assertThat(phase2.seedEstimate().orElseThrow()).contains("$30-32");
        assertThat(estimate(Map.of("budgets", "{\"dev-phase2\": 30}")).get("dev-phase2").overBudget()).isTrue();
    }

    @Test
    void everyPriceNamesItsSourceAndTheTableItsDateAndRegion() {
        assertThat(PRICES.region()).isEqualTo("swedencentral");
        assertThat(PRICES.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(PRICES.prices().values()).allSatisfy(p -> {
            assertThat(p.source()).isNotBlank();
            assertThat(p.price()).isPositive();
        });
    }

    private static double appTotal(CostReport report, String app) {
        return report.lines().stream().filter(l -> l.resource().equals(app)).mapToDouble(l -> l.monthly()).sum();
    }

}
