package com.alai.cloud.components.apps;

import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.app.ManagedEnvironment;
import com.pulumi.azurenative.app.ManagedEnvironmentArgs;
import com.pulumi.azurenative.app.inputs.AppLogsConfigurationArgs;
import com.pulumi.azurenative.app.inputs.LogAnalyticsConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.Map;

/** A Container Apps managed environment (consumption plan) sending app logs to Log Analytics. */
public final class AppsEnvironment extends AlaiComponent {
    private final Output<String> id;
    private final Output<String> defaultDomain;

    /** @param logSharedKey must be a secret Output (see LogAnalytics#sharedKey) */
    public record Args(Scope scope, Output<String> logCustomerId, Output<String> logSharedKey) {
    }

    public AppsEnvironment(String name, Args args, ComponentResourceOptions options) {
        super("AppsEnvironment", name, options);
        Scope scope = args.scope();
        var environment = new ManagedEnvironment(name, ManagedEnvironmentArgs.builder()
                .environmentName(scope.naming().regional(Kind.APPS_ENVIRONMENT, null))
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .zoneRedundant(false)
                .appLogsConfiguration(AppLogsConfigurationArgs.builder()
                        .destination("log-analytics")
                        .logAnalyticsConfiguration(LogAnalyticsConfigurationArgs.builder()
                                .customerId(args.logCustomerId())
                                .sharedKey(args.logSharedKey().asSecret())
                                .build())
                        .build())
                .tags(scope.tags())
                .build(), child());
        this.id = environment.id();
        this.defaultDomain = environment.defaultDomain();
        registerOutputs(Map.of("id", id, "defaultDomain", defaultDomain));
    }

    public Output<String> id() {
        return id;
    }

    public Output<String> defaultDomain() {
        return defaultDomain;
    }
}
