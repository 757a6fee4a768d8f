package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.components.naming.Tags;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.stacks.phases.Phase;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties that hold for every phase's offline synthesis. */
class PhaseSynthesisTest {

    private static final Set<String> UNTAGGED = Set.of("Configuration", "FirewallRule", "Database", "RoleAssignment",
            "BlobServiceProperties", "BlobContainer", "ManagementPolicy", "BlobContainerImmutabilityPolicy", "DiagnosticSetting");
    private static final Set<String> STATEFUL = Set.of("ResourceGroup", "Server", "Database", "StorageAccount",
            "BlobContainer", "BlobContainerImmutabilityPolicy");

    @ParameterizedTest
    @EnumSource(Phase.class)
    void everyPhaseSynthesizesAndExportsItsContract(Phase phase) {
        ResourceGraph graph = Offline.graph(phase);
        assertThat(graph.stack()).isEqualTo(phase.stackName("dev"));
        assertThat(graph.exports()).isNotEmpty();
        assertThat(graph.exports().values()).doesNotContainNull();
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void everyTaggableResourceCarriesTheRequiredTagsWithItsOwnPhase(Phase phase) {
        for (ResourceNode node : Offline.graph(phase).cloudResources()) {
            if (UNTAGGED.contains(kind(node))) {
                continue;
            }
            assertThat(node.tags()).as(node.key()).containsKeys(Tags.REQUIRED.toArray(String[]::new));
            assertThat(node.tags()).as(node.key()).containsEntry(Tags.PHASE, phase.tag()).containsEntry(Tags.ENV, "dev");
        }
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void statefulResourcesAreProtected(Phase phase) {
        for (ResourceNode node : Offline.graph(phase).cloudResources()) {
            if (STATEFUL.contains(kind(node))) {
                assertThat(node.protect()).as(node.key() + " must be protected").isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void everyCloudResourceBelongsToAComponentOrIsAPhaseLevelResource(Phase phase) {
        for (ResourceNode node : Offline.graph(phase).cloudResources()) {
            if (node.parent().isPresent()) {
                assertThat(Offline.graph(phase).resources()).as(node.key())
                        .anyMatch(r -> r.component() && r.key().equals(node.parent().get()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void laterPhasesReachEarlierOnesOnlyThroughStackReferences(Phase phase) {
        ResourceGraph graph = Offline.graph(phase);
        if (phase == Phase.FOUNDATION) {
            assertThat(graph.ofType("pulumi:pulumi:StackReference")).isEmpty();
            return;
        }
        assertThat(graph.ofType("pulumi:pulumi:StackReference")).isNotEmpty();
        assertThat(graph.cloudResources()).noneMatch(r -> kind(r).equals("ResourceGroup")
                || kind(r).equals("Registry") || kind(r).equals("ManagedEnvironment"));
    }

    static String kind(ResourceNode node) {
        return node.type().substring(node.type().lastIndexOf(':') + 1);
    }
}
