package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.components.database.FlexibleServer;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.stacks.phases.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phase 2 as the seed specifies it: B1ms Postgres with two databases, TLS, 7-day backups, two APIs and a backup job. */
class ControlPlaneTest {
    private final ResourceGraph graph = Offline.graph(Phase.CONTROL_PLANE);
    private final ResourceNode server = Offline.only(graph, FlexibleServer.TYPE);

    @Test
    void postgresIsAB1msBurstableServerOnVersion16() {
        assertThat(server.at("sku.name")).contains("Standard_B1ms");
        assertThat(server.at("sku.tier")).contains("Burstable");
        assertThat(server.at("version")).contains("16");
        assertThat(server.at("highAvailability.mode")).contains("Disabled");
    }

    @Test
    void postgresKeepsSevenDaysOfBackupsAndGrowsItsStorage() {
        assertThat(server.at("backup.backupRetentionDays")).contains(7.0);
        assertThat(server.at("storage.storageSizeGB")).contains(32.0);
        assertThat(server.at("storage.autoGrow")).contains("Enabled");
    }

    @Test
    void postgresAdminPasswordComesFromBitwardenAsASecret() {
        assertThat(server.isSecret("administratorLoginPassword")).isTrue();
        assertThat(server.at("administratorLoginPassword")).contains("offline-secret:bw:alai-postgres-admin#password");
    }

    @Test
    void postgresRequiresTls() {
        assertThat(graph.ofType("azure-native:dbforpostgresql:Configuration"))
                .anyMatch(c -> c.at("configurationName").equals(java.util.Optional.of("require_secure_transport"))
                        && c.at("value").equals(java.util.Optional.of("on")));
    }

    @Test
    void postgresHoldsMissionControlAndHivemindDatabases() {
        assertThat(graph.ofType("azure-native:dbforpostgresql:Database")).extracting(d -> d.at("databaseName").orElseThrow())
                .containsExactlyInAnyOrder("mission_control", "hivemind");
    }

    @Test
    void firewallOpensOnlyTheConfiguredAddressesAndAzureServices() {
        var expected = new java.util.ArrayList<String>(List.of("0.0.0.0-0.0.0.0"));
        Offline.settings().postgres().firewall().forEach(r -> expected.add(r.start() + "-" + r.end()));
        assertThat(graph.ofType("azure-native:dbforpostgresql:FirewallRule"))
                .extracting(r -> r.at("startIpAddress").orElseThrow() + "-" + r.at("endIpAddress").orElseThrow())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void mcApiReachesMissionControlOverTlsWithItsPasswordAsASecretRef() {
        ResourceNode mc = graph.find("azure-native:app:ContainerApp", "mc-api").orElseThrow();
        var secrets = mc.list("configuration.secrets");
        assertThat(secrets).extracting(s -> (Object) ((Map<?, ?>) s).get("name")).containsExactlyInAnyOrder("database-url", "database-password");
        assertThat(secrets).anyMatch(s -> String.valueOf(((Map<?, ?>) s).get("value"))
                .equals("jdbc:postgresql://" + server.physicalName() + ".postgres.database.azure.com:5432/mission_control?sslmode=require"));
    }

    @Test
    void backupJobRunsOnTheConfiguredScheduleWithTheManagedIdentity() {
        ResourceNode job = Offline.only(graph, "azure-native:app:Job");
        assertThat(job.at("configuration.scheduleTriggerConfig.cronExpression")).contains("30 2 * * *");
        assertThat(job.at("configuration.registries[0].identity")).contains(Offline.graph(Phase.FOUNDATION).exports().get("identityId"));
        assertThat(graph.find("azure-native:authorization:RoleAssignment", "backup-writer").orElseThrow().at("scope"))
                .contains(Offline.graph(Phase.FOUNDATION).exports().get("backupAccountId"));
    }

    @Test
    void exportsTheControlPlaneContract() {
        assertThat(graph.exports()).containsKeys("postgresFqdn", "mcApiUrl", "hivemindApiUrl");
        assertThat((String) graph.exports().get("mcApiUrl")).startsWith("https://ca-alai-mc-api-dev-swc.");
    }
}
