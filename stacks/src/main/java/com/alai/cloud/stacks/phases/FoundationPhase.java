package com.alai.cloud.stacks.phases;

import com.alai.cloud.components.apps.AppsEnvironment;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.monitoring.LogAnalytics;
import com.alai.cloud.components.registry.Registry;
import com.alai.cloud.components.storage.BackupStore;
import com.alai.cloud.components.storage.BackupStoreArgs;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.contracts.FoundationOutputs;
import com.pulumi.Context;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/** Phase 0 (stack `dev`): resource group, logs, registry with pull identity, apps environment, backup store. */
public final class FoundationPhase implements PhaseProgram {

    @Override
    public Phase phase() {
        return Phase.FOUNDATION;
    }

    @Override
    public void define(Context ctx, StackEnvironment environment) {
        EnvironmentSettings settings = environment.settings();
        var naming = settings.naming();
        var group = new ResourceGroup("resource-group", ResourceGroupArgs.builder()
                .resourceGroupName(naming.resourceGroup())
                .location(naming.location())
                .tags(naming.tags(phase().tag()))
                .build(), CustomResourceOptions.builder().protect(true).build());
        Scope scope = environment.scope(phase(), group.name());
        var logs = new LogAnalytics("logs", new LogAnalytics.Args(scope, settings.logRetentionDays(),
                settings.logDailyCapGb()), ComponentResourceOptions.Empty);
        var apps = new AppsEnvironment("apps", new AppsEnvironment.Args(scope, logs.customerId(), logs.sharedKey()),
                ComponentResourceOptions.Empty);
        var registry = new Registry("registry", new Registry.Args(scope, settings.registrySku(), false),
                ComponentResourceOptions.Empty);
        var backup = settings.backup();
        var store = new BackupStore("backups", BackupStoreArgs.secure(scope)
                .withAdoption(backup.adopt())
                .withRetention(backup.softDeleteDays(), backup.coolAfterDays(), backup.deleteAfterDays())
                .withSharedKeyAccess(backup.allowSharedKeyAccess())
                .withNetwork(backup.network())
                .withAccessLogs(logs.id()),
                ComponentResourceOptions.Empty);
        new FoundationOutputs(group.name(), apps.id(), apps.defaultDomain(), registry.loginServer(),
                registry.identityId(), registry.identityClientId(), registry.identityPrincipalId(),
                store.accountName(), store.id(), store.blobEndpoint()).export(ctx);
    }
}
