package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.components.storage.BackupStoreArgs;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.policy.graph.Synthesizer;
import com.alai.cloud.policy.rules.PolicyContext;
import com.alai.cloud.policy.rules.PolicyEngine;
import com.alai.cloud.policy.rules.PolicyResult;
import com.alai.cloud.policy.rules.Rule;
import com.alai.cloud.policy.rules.RuleCatalog;
import com.alai.cloud.policy.rules.Severity;
import com.alai.cloud.stacks.phases.Phase;
import com.alai.cloud.stacks.phases.StackEnvironment;
import com.pulumi.Context;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule fails a graph the real components build with one bad argument, and passes the good one. */
class PolicyRulesTest {
    static final LocalDate PLAN_DATE = LocalDate.of(2026, 11, 22);
    private static final Synthesizer SYNTH = new Synthesizer(Offline.settings());

    static List<PolicyResult> evaluate(BiConsumer<Context, StackEnvironment> program, LocalDate date) {
        ResourceGraph graph = SYNTH.run("dev-phase2", program);
        return new PolicyEngine(RuleCatalog.all(), List.of()).evaluate(graph, context(date), Optional.empty());
    }

    static PolicyContext context(LocalDate date) {
        return new PolicyContext(Offline.settings(), date, List.of("swedencentral"));
    }

    static Set<String> failing(BiConsumer<Context, StackEnvironment> program) {
        return failing(program, PLAN_DATE);
    }

    static Set<String> failing(BiConsumer<Context, StackEnvironment> program, LocalDate date) {
        return Set.copyOf(evaluate(program, date).stream().filter(r -> r.status() == PolicyResult.Status.FAIL)
                .map(PolicyResult::ruleId).toList());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ALAI-001", RuleCases.registry(true), RuleCases.registry(false)),
                Arguments.of("ALAI-004", RuleCases.registrySku("Basic"), RuleCases.registrySku("Standard")),
                Arguments.of("ALAI-018", RuleCases.app(RuleCases::none), RuleCases.app(b -> b.external(false))),
                Arguments.of("ALAI-019", RuleCases.app(RuleCases::none), RuleCases.app(b -> b.allowFrom(List.of("203.0.113.0/24")))),
                Arguments.of("ALAI-052", RuleCases.app(RuleCases::none), RuleCases.app(b -> b.minReplicas(2).maxReplicas(3))),
                Arguments.of("ALAI-060", RuleCases.postgres(b -> b.allowAzureServices(true)), RuleCases.postgres(b -> b)),
                Arguments.of("ALAI-038", RuleCases.store(a -> a), RuleCases.store(a -> a.withNetwork(
                        new com.alai.cloud.components.storage.StorageNetwork(true, List.of("203.0.113.7"))))),
                Arguments.of("ALAI-075", RuleCases.store(a -> a), RuleCases.store(a -> a.withAccessLogs(com.pulumi.core.Output.of("workspace-id")))),
                Arguments.of("ALAI-010", RuleCases.app(b -> b.minReplicas(0)), RuleCases.app(RuleCases::none)),
                Arguments.of("ALAI-011", RuleCases.app(b -> b.allowInsecure(true)), RuleCases.app(RuleCases::none)),
                Arguments.of("ALAI-012", RuleCases.app(b -> b.pullWithPassword(com.pulumi.core.Output.of("ghcr.io"), "bot",
                        com.pulumi.core.Output.ofSecret("pw"), com.pulumi.core.Output.of("identity-id"))), RuleCases.app(RuleCases::none)),
                Arguments.of("ALAI-013", RuleCases.app(b -> b.env("DATABASE_PASSWORD", "hunter2")),
                        RuleCases.app(b -> b.secretEnv("DATABASE_PASSWORD", com.pulumi.core.Output.ofSecret("hunter2")))),
                Arguments.of("ALAI-014", RuleCases.app(b -> b.image("cralaidevswcf1e081.azurecr.io/mc-api:latest")),
                        RuleCases.app(RuleCases::none)),
                Arguments.of("ALAI-015", RuleCases.app(b -> b.cpu(0.3)), RuleCases.app(b -> b.cpu(0.5).memory("1Gi"))),
                Arguments.of("ALAI-016", RuleCases.app(b -> b.probes(RuleCases.noProbes())), RuleCases.app(RuleCases::none)),
                Arguments.of("ALAI-017", RuleCases.manualJob(false), RuleCases.manualJob(true)),
                Arguments.of("ALAI-020", RuleCases.postgres(b -> b.sku("Standard_D2s_v3", "GeneralPurpose")), RuleCases.postgres(b -> b)),
                Arguments.of("ALAI-021", RuleCases.postgres(b -> b.backupRetentionDays(3)), RuleCases.postgres(b -> b)),
                Arguments.of("ALAI-022", RuleCases.postgres(b -> b.highAvailability("ZoneRedundant")), RuleCases.postgres(b -> b)),
                Arguments.of("ALAI-023", RuleCases.postgres(b -> b.requireSecureTransport(false)), RuleCases.postgres(b -> b)),
                Arguments.of("ALAI-024", RuleCases.postgres(b -> b.allow(RuleCases.world())), RuleCases.postgres(b -> b)),
                Arguments.of("ALAI-025", RuleCases.postgres(b -> b.version("14")), RuleCases.postgres(b -> b.version("16"))),
                Arguments.of("ALAI-026", RuleCases.postgres(b -> b), RuleCases.postgres(b -> b.geoRedundantBackup(true))),
                Arguments.of("ALAI-030", RuleCases.store(a -> a.withAccess(false, "TLS1_2", false, true)), RuleCases.store(a -> a)),
                Arguments.of("ALAI-031", RuleCases.store(a -> a.withAccess(true, "TLS1_0", false, true)), RuleCases.store(a -> a)),
                Arguments.of("ALAI-032", RuleCases.store(a -> a.withAccess(true, "TLS1_2", true, true)), RuleCases.store(a -> a)),
                Arguments.of("ALAI-033", RuleCases.container(PublicAccess.Blob), RuleCases.container(PublicAccess.None)),
                Arguments.of("ALAI-034", RuleCases.store(a -> a.withRetention(3, 30, 90)), RuleCases.store(a -> a)),
                Arguments.of("ALAI-035", RuleCases.store(a -> a.withAccess(true, "TLS1_2", false, false)), RuleCases.store(a -> a)),
                Arguments.of("ALAI-036", RuleCases.store(a -> a.withSharedKeyAccess(true)), RuleCases.store(a -> a)),
                Arguments.of("ALAI-037", RuleCases.immutability(7), RuleCases.immutability(90)),
                Arguments.of("ALAI-040", RuleCases.vault(false, true), RuleCases.vault(true, true)),
                Arguments.of("ALAI-041", RuleCases.vault(true, false), RuleCases.vault(true, true)),
                Arguments.of("ALAI-090", RuleCases.group("rg-alai-dev-swc", Map.of("env", "dev"), true),
                        RuleCases.group("rg-alai-dev-swc", Offline.settings().naming().tags("0-foundation"), true)),
                Arguments.of("ALAI-091", RuleCases.logsIn("westeurope"), RuleCases.logsIn("swedencentral")),
                Arguments.of("ALAI-092", RuleCases.group("my-rg", Offline.settings().naming().tags("0-foundation"), true),
                        RuleCases.group("rg-alai-dev-swc", Offline.settings().naming().tags("0-foundation"), true)),
                Arguments.of("ALAI-093", RuleCases.group("rg-alai-dev-swc", Offline.settings().naming().tags("0-foundation"), false),
                        RuleCases.group("rg-alai-dev-swc", Offline.settings().naming().tags("0-foundation"), true)),
                Arguments.of("ALAI-094", RuleCases.group("rg-alai-dev-swc", withTag("storage-key", "DefaultEndpointsProtocol=https;AccountKey=abc=="), true),
                        RuleCases.group("rg-alai-dev-swc", withTag("storage", "backups"), true)));
    }

    static Map<String, String> withTag(String key, String value) {
        var tags = new java.util.HashMap<>(Offline.settings().naming().tags("0-foundation"));
        tags.put(key, value);
        return tags;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadArgumentFailsTheRule(String rule, BiConsumer<Context, StackEnvironment> bad, BiConsumer<Context, StackEnvironment> good) {
        assertThat(failing(bad)).contains(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theGoodArgumentPassesTheRule(String rule, BiConsumer<Context, StackEnvironment> bad, BiConsumer<Context, StackEnvironment> good) {
        assertThat(failing(good)).doesNotContain(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.alai.cloud.tests.NodeCases#cases")
    void aBadInputFailsTheRule(String rule, ResourceGraph bad, ResourceGraph good) {
        assertThat(RuleCatalog.byId(rule).orElseThrow().evaluate(bad, context(PLAN_DATE))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.alai.cloud.tests.NodeCases#cases")
    void theGoodInputPassesTheRule(String rule, ResourceGraph bad, ResourceGraph good) {
        assertThat(RuleCatalog.byId(rule).orElseThrow().evaluate(good, context(PLAN_DATE))).isEmpty();
    }

    @Test
    void everyRuleHasATestCaseOrIsCoveredBelow() {
        var tested = Stream.concat(cases(), NodeCases.cases()).map(a -> (String) a.get()[0]).toList();
        var coveredElsewhere = List.of("ALAI-002", "ALAI-003");
        assertThat(RuleCatalog.all()).extracting(Rule::id).allMatch(id -> tested.contains(id) || coveredElsewhere.contains(id));
    }

    @Test
    void anonymousPullIsCaughtWhereverTheInputAppears() {
        // azure-native 2.10.0 cannot set anonymousPullEnabled, so the rule is exercised on the node it guards.
        var node = new ResourceNode("azure-native:containerregistry:Registry", "registry", Optional.empty(),
                Map.of("registryName", "cralaidevswcf1e081", "adminUserEnabled", false, "anonymousPullEnabled", true),
                Set.of(), false, Optional.empty(), false);
        var rule = RuleCatalog.byId("ALAI-002").orElseThrow();
        var graph = new ResourceGraph("dev", List.of(node), Map.of());
        assertThat(rule.evaluate(graph, context(PLAN_DATE))).hasSize(1);
        var fixed = new ResourceNode(node.type(), node.name(), Optional.empty(),
                Map.of("registryName", "cralaidevswcf1e081", "adminUserEnabled", false), Set.of(), false, Optional.empty(), false);
        assertThat(rule.evaluate(new ResourceGraph("dev", List.of(fixed), Map.of()), context(PLAN_DATE))).isEmpty();
    }

    @Test
    void publicRegistryAccessIsReportedAsAdvisoryOnBasic() {
        var results = evaluate(RuleCases.registry(false), PLAN_DATE);
        assertThat(results).anyMatch(r -> r.ruleId().equals("ALAI-003") && r.status() == PolicyResult.Status.FAIL
                && r.severity() == Severity.ADVISORY && !r.blocking());
    }

    @Test
    void postgres14PassesBeforeItsEndOfLifeAndFailsAfter() {
        var v14 = RuleCases.postgres(b -> b.version("14"));
        assertThat(failing(v14, LocalDate.of(2026, 11, 1))).doesNotContain("ALAI-025");
        assertThat(failing(v14, LocalDate.of(2026, 11, 12))).contains("ALAI-025");
    }

    @Test
    void anAzureServicesRuleIsRefusedWhenTheEnvironmentDoesNotAllowIt() {
        var graph = SYNTH.run("dev-phase2", RuleCases.postgres(b -> b.allowAzureServices(true)));
        var strict = new PolicyContext(Offline.settings(Map.of("postgresAllowAzureServices", "false")), PLAN_DATE, List.of("swedencentral"));
        var results = new PolicyEngine(RuleCatalog.all(), List.of()).evaluate(graph, strict, Optional.empty());
        assertThat(results).anyMatch(r -> r.ruleId().equals("ALAI-024") && r.blocking());
    }

    @Test
    void aRangeWiderThanTheConfiguredOneFails() {
        var wider = RuleCases.postgres(b -> b.allow(new FirewallRange("anvil-net", "100.103.49.0", "100.103.49.255")));
        assertThat(failing(wider)).contains("ALAI-024");
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void theRepositorysOwnPhasesHaveNoMandatoryViolations(Phase phase) {
        var results = new PolicyEngine(RuleCatalog.all(), List.of()).evaluate(Offline.graph(phase), context(PLAN_DATE), Optional.empty());
        assertThat(results.stream().filter(PolicyResult::blocking).toList()).isEmpty();
    }

    @Test
    void storeWithRelaxedSettingsFailsEveryStorageRuleAtOnce() {
        var everythingWrong = RuleCases.store(a -> new BackupStoreArgs(a.scope(), a.adopt(), a.containers(), false, "TLS1_0",
                true, true, 1, false, 30, 90, a.network(), a.accessLogWorkspace()));
        assertThat(failing(everythingWrong)).contains("ALAI-030", "ALAI-031", "ALAI-032", "ALAI-034", "ALAI-035", "ALAI-036");
    }
}
