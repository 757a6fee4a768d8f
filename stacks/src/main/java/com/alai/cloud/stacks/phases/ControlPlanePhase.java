package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.apps.ContainerServiceArgs;
import com.alai.cloud.components.apps.ContainerSpec;
import com.alai.cloud.components.apps.RegistryPull;
import com.alai.cloud.components.apps.ScheduledJob;
import com.alai.cloud.components.azure.RoleDefinition;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.database.PostgresServer;
import com.alai.cloud.components.database.PostgresServerArgs;
import com.alai.cloud.components.secrets.BitwardenSecret;
import com.alai.cloud.stacks.config.PostgresSettings;
import com.alai.cloud.stacks.contracts.ControlPlaneOutputs;
import com.alai.cloud.stacks.contracts.FoundationOutputs;
import com.pulumi.Context;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.Map;

/** Phase 2: PostgreSQL Flexible Server, mc-api, hivemind-api and the scheduled backup job. */
public final class ControlPlanePhase implements PhaseProgram {
    @Override
    public Phase phase() {
        return Phase.CONTROL_PLANE;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        var foundation = FoundationOutputs.from(environment.reference(Phase.FOUNDATION));
        Scope scope = environment.scope(phase(), foundation.resourceGroupName());
        PostgresSettings pg = environment.settings().postgres();
        Output<String> adminPassword = BitwardenSecret.output(environment.secrets(), pg.adminPassword());
        var postgres = new PostgresServer("postgres", PostgresServerArgs.builder()
                .scope(scope)
                .version(pg.version())
                .sku(pg.sku(), pg.tier())
                .storageGb(pg.storageGb())
                .backupRetentionDays(pg.backupRetentionDays())
                .geoRedundantBackup(pg.geoRedundantBackup())
                .allow(pg.firewall())
                .allowAzureServices(pg.allowAzureServices())
                .adminLogin(pg.adminLogin())
                .adminPassword(adminPassword)
                .build(), ComponentResourceOptions.Empty);

        var mc = Apps.deploy("mc-api", database(Apps.service(environment, scope, foundation, "mc-api"),
                postgres, "mission_control", adminPassword).build());
        var hivemind = Apps.deploy("hivemind-api", database(Apps.service(environment, scope, foundation, "hivemind-api"),
                postgres, "hivemind", adminPassword).build());

        // The backup job writes its dumps with the managed identity.
        new RoleAssignment("backup-writer", RoleAssignmentArgs.builder()
                .principalId(foundation.identityPrincipalId())
                .principalType("ServicePrincipal")
                .roleDefinitionId(RoleDefinition.STORAGE_BLOB_DATA_CONTRIBUTOR.id(environment.settings().subscriptionId()))
                .scope(foundation.backupAccountId())
                .build());
        var sizing = environment.settings().apps();
        new ScheduledJob("backup-job", new ScheduledJob.Args(scope, foundation.environmentId(), foundation.identityId(),
                "backup-job", new ContainerSpec(environment.image("backup-job"), sizing.cpu(), sizing.memory(),
                        Map.of("DATABASES", Output.of("mission_control,hivemind"),
                                "DATABASE_USER", Output.of(pg.adminLogin()),
                                "BACKUP_CONTAINER", Output.of("system-db-backups"),
                                "BLOB_ENDPOINT", foundation.backupBlobEndpoint(),
                                "AZURE_CLIENT_ID", foundation.identityClientId()),
                        Map.of("DATABASE_URL", Output.format("jdbc:postgresql://%s:5432/postgres?sslmode=require", postgres.fqdn()),
                                "DATABASE_PASSWORD", adminPassword),
                        new RegistryPull.ManagedIdentity(foundation.registryLoginServer(), foundation.identityId())),
                environment.settings().backup().dumpCron(), 1800, 1), ComponentResourceOptions.Empty);

        new ControlPlaneOutputs(postgres.fqdn(), mc.url(), hivemind.url()).export(ctx);
    }

    private static ContainerServiceArgs.Builder database(ContainerServiceArgs.Builder app, PostgresServer postgres, String db,
            Output<String> password) {
        return app
                .env("DATABASE_USER", postgres.adminLogin())
                .secretEnv("DATABASE_URL", Output.format("jdbc:postgresql://%s:5432/%s?sslmode=require", postgres.fqdn(), db))
                .secretEnv("DATABASE_PASSWORD", password);
    }
}
