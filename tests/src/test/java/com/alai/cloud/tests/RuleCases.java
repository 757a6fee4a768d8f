package com.alai.cloud.tests;

import com.alai.cloud.components.apps.ContainerService;
import com.alai.cloud.components.apps.ContainerServiceArgs;
import com.alai.cloud.components.apps.Probes;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.components.database.PostgresServer;
import com.alai.cloud.components.database.PostgresServerArgs;
import com.alai.cloud.components.monitoring.LogAnalytics;
import com.alai.cloud.components.naming.Naming;
import com.alai.cloud.components.registry.Registry;
import com.alai.cloud.components.storage.BackupStore;
import com.alai.cloud.components.storage.BackupStoreArgs;
import com.alai.cloud.stacks.phases.StackEnvironment;
import com.pulumi.Context;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.enums.SkuName;
import com.pulumi.azurenative.keyvault.inputs.SkuArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobContainerImmutabilityPolicy;
import com.pulumi.azurenative.storage.BlobContainerImmutabilityPolicyArgs;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** Small programs built from the real components (or raw azure-native resources) with one thing wrong or right. */
final class RuleCases {
    private RuleCases() {
    }

    static Scope scope(StackEnvironment env) {
        return env.scope(com.alai.cloud.stacks.phases.Phase.CONTROL_PLANE, Output.of("rg-alai-dev-swc"));
    }

    static BiConsumer<Context, StackEnvironment> app(UnaryOperator<ContainerServiceArgs.Builder> change) {
        return (ctx, env) -> new ContainerService("mc-api", change.apply(ContainerServiceArgs.builder()
                .scope(scope(env)).workload("mc-api").environmentId(Output.of("env-id"))
                .image("cralaidevswcf1e081.azurecr.io/mc-api@sha256:" + "a".repeat(64))
                .pullWithIdentity(Output.of("cralaidevswcf1e081.azurecr.io"), Output.of("identity-id"))
                .env("OIDC_ISSUER", "https://issuer.example")).build(), ComponentResourceOptions.Empty);
    }

    static BiConsumer<Context, StackEnvironment> postgres(UnaryOperator<PostgresServerArgs.Builder> change) {
        return (ctx, env) -> new PostgresServer("postgres", change.apply(PostgresServerArgs.builder()
                .scope(scope(env)).adminPassword(Output.ofSecret("offline"))
                .allow(env.settings().postgres().firewall())).build(), ComponentResourceOptions.Empty);
    }

    static BiConsumer<Context, StackEnvironment> store(UnaryOperator<BackupStoreArgs> change) {
        return (ctx, env) -> new BackupStore("backups", change.apply(BackupStoreArgs.secure(scope(env))),
                ComponentResourceOptions.Empty);
    }

    static BiConsumer<Context, StackEnvironment> registry(boolean adminUser) {
        return (ctx, env) -> new Registry("registry", new Registry.Args(scope(env), "Basic", adminUser),
                ComponentResourceOptions.Empty);
    }


    static BiConsumer<Context, StackEnvironment> registrySku(String sku) {
        return (ctx, env) -> new Registry("registry", new Registry.Args(scope(env), sku, false), ComponentResourceOptions.Empty);
    }

    static BiConsumer<Context, StackEnvironment> logsIn(String location) {
        return (ctx, env) -> {
            var naming = env.settings().naming();
            var moved = new Naming(naming.prefix(), naming.env(), location, naming.uniqueSuffix(), naming.baseTags());
            new LogAnalytics("logs", new LogAnalytics.Args(new Scope(moved, "0-foundation", env.settings().subscriptionId(),
                    Output.of("rg-alai-dev-swc")), 30, 0.5), ComponentResourceOptions.Empty);
        };
    }

    static BiConsumer<Context, StackEnvironment> group(String name, java.util.Map<String, String> tags, boolean protect) {
        return (ctx, env) -> new ResourceGroup("resource-group", ResourceGroupArgs.builder()
                .resourceGroupName(name).location("swedencentral").tags(tags).build(),
                CustomResourceOptions.builder().protect(protect).build());
    }

    static BiConsumer<Context, StackEnvironment> container(PublicAccess access) {
        return (ctx, env) -> new BlobContainer("exports", BlobContainerArgs.builder().accountName("stalaidevswcf1e081")
                .resourceGroupName("rg-alai-dev-swc").containerName("bitwarden-exports").publicAccess(access).build(),
                CustomResourceOptions.builder().protect(true).build());
    }

    static BiConsumer<Context, StackEnvironment> immutability(int days) {
        return (ctx, env) -> new BlobContainerImmutabilityPolicy("immutability", BlobContainerImmutabilityPolicyArgs.builder()
                .accountName("stalaidevswcf1e081").resourceGroupName("rg-alai-dev-swc").containerName("bitwarden-exports")
                .immutabilityPolicyName("default").immutabilityPeriodSinceCreationInDays(days)
                .allowProtectedAppendWrites(false).build(), CustomResourceOptions.builder().protect(true).build());
    }

    static BiConsumer<Context, StackEnvironment> vault(boolean purgeProtection, boolean softDelete) {
        return (ctx, env) -> new Vault("vault", VaultArgs.builder().vaultName("kv-alai-dev-swc")
                .resourceGroupName("rg-alai-dev-swc").location("swedencentral").tags(env.settings().naming().tags("6-decommission"))
                .properties(VaultPropertiesArgs.builder().tenantId("00000000-0000-0000-0000-000000000001")
                        .sku(SkuArgs.builder().family("A").name(SkuName.Standard).build())
                        .enablePurgeProtection(purgeProtection).enableSoftDelete(softDelete).build())
                .build(), CustomResourceOptions.builder().protect(true).build());
    }

    static BiConsumer<Context, StackEnvironment> manualJob(boolean scheduled) {
        return (ctx, env) -> new com.pulumi.azurenative.app.Job("backup-job", com.pulumi.azurenative.app.JobArgs.builder()
                .jobName("caj-alai-backup-job-dev-swc").resourceGroupName("rg-alai-dev-swc").location("swedencentral")
                .environmentId("env-id").tags(env.settings().naming().tags("2-control-plane"))
                .identity(com.pulumi.azurenative.app.inputs.ManagedServiceIdentityArgs.builder().type("UserAssigned")
                        .userAssignedIdentities(java.util.List.of("identity-id")).build())
                .configuration(scheduled
                        ? com.pulumi.azurenative.app.inputs.JobConfigurationArgs.builder().triggerType("Schedule").replicaTimeout(1800)
                                .scheduleTriggerConfig(com.pulumi.azurenative.app.inputs.JobConfigurationScheduleTriggerConfigArgs.builder()
                                        .cronExpression("30 2 * * *").build()).build()
                        : com.pulumi.azurenative.app.inputs.JobConfigurationArgs.builder().triggerType("Manual").replicaTimeout(1800).build())
                .build());
    }

    static ContainerServiceArgs.Builder none(ContainerServiceArgs.Builder b) {
        return b;
    }

    static Probes noProbes() {
        return Probes.none();
    }

    static FirewallRange world() {
        return new FirewallRange("world", "0.0.0.0", "255.255.255.255");
    }
}
