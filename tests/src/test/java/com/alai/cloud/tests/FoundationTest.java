package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.components.azure.RoleDefinition;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.stacks.phases.Phase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phase 0: registry, identity, apps environment, logs and the backup store. */
class FoundationTest {
    private final ResourceGraph graph = Offline.graph(Phase.FOUNDATION);

    @Test
    void resourceGroupFollowsTheNamingConvention() {
        assertThat(Offline.only(graph, "azure-native:resources:ResourceGroup").physicalName()).isEqualTo("rg-alai-dev-swc");
    }

    @Test
    void registryIsBasicWithTheAdminUserOff() {
        ResourceNode registry = Offline.only(graph, "azure-native:containerregistry:Registry");
        assertThat(registry.at("sku.name")).contains("Basic");
        assertThat(registry.at("adminUserEnabled")).contains(false);
        assertThat(registry.physicalName()).matches("cralaidevswc[0-9a-f]{6}");
    }

    @Test
    void pullIdentityHoldsAcrPullOnTheRegistryOnly() {
        ResourceNode assignment = Offline.only(graph, "azure-native:authorization:RoleAssignment");
        assertThat(assignment.at("roleDefinitionId").orElseThrow().toString()).endsWith(RoleDefinition.ACR_PULL.guid());
        assertThat(assignment.at("scope").orElseThrow().toString()).endsWith("/Microsoft.ContainerRegistry/registries/"
                + Offline.only(graph, "azure-native:containerregistry:Registry").physicalName());
        assertThat(assignment.at("principalType")).contains("ServicePrincipal");
    }

    @Test
    void appsEnvironmentGetsTheLogAnalyticsKeyOnlyAsASecret() {
        ResourceNode environment = Offline.only(graph, "azure-native:app:ManagedEnvironment");
        assertThat(environment.isSecret("appLogsConfiguration.logAnalyticsConfiguration.sharedKey")).isTrue();
        assertThat(environment.isSecret("appLogsConfiguration.logAnalyticsConfiguration.customerId")).isFalse();
    }

    @Test
    void backupStoreIsHardenedAndHoldsTheThreeContainersPrivately() {
        ResourceNode account = Offline.only(graph, "azure-native:storage:StorageAccount");
        assertThat(account.at("enableHttpsTrafficOnly")).contains(true);
        assertThat(account.at("minimumTlsVersion")).contains("TLS1_2");
        assertThat(account.at("allowBlobPublicAccess")).contains(false);
        assertThat(graph.ofType("azure-native:storage:BlobContainer"))
                .extracting(c -> c.at("containerName").orElseThrow())
                .containsExactlyInAnyOrder("system-db-backups", "system-git-bundles", "bitwarden-exports");
        assertThat(graph.ofType("azure-native:storage:BlobContainer")).allMatch(c -> c.at("publicAccess").equals(java.util.Optional.of("None")));
    }

    @Test
    void blobsAreSoftDeletedAndVersioned() {
        ResourceNode service = Offline.only(graph, "azure-native:storage:BlobServiceProperties");
        assertThat(service.at("deleteRetentionPolicy")).contains(Map.of("enabled", true, "days", 14.0));
        assertThat(service.at("isVersioningEnabled")).contains(true);
    }

    @Test
    void exportsEveryFieldOfTheFoundationContract() {
        assertThat(graph.exports()).containsOnlyKeys("resourceGroupName", "environmentId", "environmentDomain",
                "registryLoginServer", "identityId", "identityClientId", "identityPrincipalId", "backupAccountName",
                "backupAccountId", "backupBlobEndpoint");
    }
}
