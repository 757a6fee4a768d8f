package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.policy.rules.PolicyEngine;
import com.alai.cloud.policy.rules.PolicyResult;
import com.alai.cloud.policy.rules.RuleCatalog;
import com.alai.cloud.policy.rules.Waiver;
import com.alai.cloud.stacks.phases.Phase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Waivers silence one rule for one resource until they expire; a bad waiver is itself a violation. */
class WaiverTest {
    private static final String SERVER = "psql-alai-dev-swc-f1e081";

    static List<PolicyResult> phase2(List<Waiver> waivers, LocalDate date) {
        return new PolicyEngine(RuleCatalog.all(), waivers).evaluate(Offline.graph(Phase.CONTROL_PLANE),
                PolicyRulesTest.context(date), Optional.empty());
    }

    static Waiver geoWaiver(String resource, LocalDate expires) {
        return new Waiver("ALAI-026", "dev-phase2", resource, "single-region dev environment", expires);
    }

    @Test
    void aCurrentWaiverTurnsAFailureIntoWaived() {
        var results = phase2(List.of(geoWaiver(SERVER, LocalDate.of(2027, 1, 31))), PolicyRulesTest.PLAN_DATE);
        assertThat(results).anyMatch(r -> r.ruleId().equals("ALAI-026") && r.status() == PolicyResult.Status.WAIVED
                && r.message().contains("single-region dev environment"));
        assertThat(results).noneMatch(r -> r.ruleId().equals("ALAI-026") && r.status() == PolicyResult.Status.FAIL);
    }

    @Test
    void anExpiredWaiverNoLongerWaivesAndIsAViolation() {
        var results = phase2(List.of(geoWaiver(SERVER, LocalDate.of(2026, 11, 1))), PolicyRulesTest.PLAN_DATE);
        assertThat(results).anyMatch(r -> r.ruleId().equals("ALAI-026") && r.status() == PolicyResult.Status.FAIL);
        assertThat(results).anyMatch(r -> r.ruleId().equals(PolicyEngine.WAIVER_RULE) && r.blocking()
                && r.message().contains("expired on 2026-11-01"));
    }

    @Test
    void theRegistryWaiverStillAppliesOnceTheRealSubscriptionIsSet() {
        var settings = Offline.settings(Map.of("azure-native:subscriptionId", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"));
        var graph = new com.alai.cloud.policy.graph.Synthesizer(settings).synthesize(Phase.FOUNDATION);
        assertThat(graph.resources()).noneMatch(r -> r.physicalName().equals("cralaidevswcf1e081"));

        var results = new PolicyEngine(RuleCatalog.all(), Waiver.read(Offline.config())).evaluate(graph,
                PolicyRulesTest.context(PolicyRulesTest.PLAN_DATE), Optional.empty());

        assertThat(results).anyMatch(r -> r.ruleId().equals("ALAI-003") && r.status() == PolicyResult.Status.WAIVED);
        assertThat(results).noneMatch(r -> r.ruleId().equals(PolicyEngine.WAIVER_RULE));
    }

    @Test
    void aWaiverNamingNoResourceIsAViolation() {
        var results = phase2(List.of(geoWaiver("psql-that-does-not-exist", LocalDate.of(2027, 1, 31))), PolicyRulesTest.PLAN_DATE);
        assertThat(results).anyMatch(r -> r.ruleId().equals(PolicyEngine.WAIVER_RULE) && r.blocking());
    }

    @Test
    void aWaiverNamingAnUnknownRuleIsAViolation() {
        var waiver = new Waiver("ALAI-999", "dev-phase2", SERVER, "typo", LocalDate.of(2027, 1, 31));
        assertThat(phase2(List.of(waiver), PolicyRulesTest.PLAN_DATE))
                .anyMatch(r -> r.ruleId().equals(PolicyEngine.WAIVER_RULE) && r.message().contains("unknown rule ALAI-999"));
    }

    @Test
    void waiversAreReadFromConfigAndMalformedOnesNamed() {
        assertThat(Waiver.read(Offline.config())).extracting(Waiver::ruleId).contains("ALAI-003");
        assertThatThrownBy(() -> Waiver.read(Offline.config().with(Map.of("policyWaivers",
                "[{\"rule\": \"ALAI-026\", \"stack\": \"dev-phase2\", \"resource\": \"x\", \"expires\": \"2027-01-01\"}]"))))
                .hasMessage("config alai-cloud:policyWaivers[0]: reason is required (a waiver has rule, stack, resource, reason, expires)");
        assertThatThrownBy(() -> Waiver.read(Offline.config().with(Map.of("policyWaivers",
                "[{\"rule\": \"ALAI-026\", \"stack\": \"dev-phase2\", \"resource\": \"x\", \"reason\": \"why\", \"expires\": \"soon\"}]"))))
                .hasMessageContaining("alai-cloud:policyWaivers[0]").hasMessageContaining("'soon' is not a date");
    }
}
