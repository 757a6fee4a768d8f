package com.alai.cloud.components.monitoring;

import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.operationalinsights.OperationalinsightsFunctions;
import com.pulumi.azurenative.operationalinsights.Workspace;
import com.pulumi.azurenative.operationalinsights.WorkspaceArgs;
import com.pulumi.azurenative.operationalinsights.inputs.GetSharedKeysArgs;
import com.pulumi.azurenative.operationalinsights.inputs.WorkspaceCappingArgs;
import com.pulumi.azurenative.operationalinsights.inputs.WorkspaceSkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.Map;

/** A Log Analytics workspace (pay-as-you-go, daily cap) whose shared key only ever leaves as a secret. */
public final class LogAnalytics extends AlaiComponent {
    private final Output<String> id;
    private final Output<String> customerId;
    private final Output<String> sharedKey;

    public record Args(Scope scope, int retentionDays, double dailyQuotaGb) {
        public Args {
            if (retentionDays < 30 || retentionDays > 730) {
                throw new IllegalArgumentException("Log Analytics retention must be 30-730 days, was " + retentionDays);
            }
        }
    }

    public LogAnalytics(String name, Args args, ComponentResourceOptions options) {
        super("LogAnalytics", name, options);
        Scope scope = args.scope();
        var workspace = new Workspace(name, WorkspaceArgs.builder()
                .workspaceName(scope.naming().regional(Kind.LOG_ANALYTICS, null))
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .sku(WorkspaceSkuArgs.builder().name("PerGB2018").build())
                .retentionInDays(args.retentionDays())
                .workspaceCapping(WorkspaceCappingArgs.builder().dailyQuotaGb(args.dailyQuotaGb()).build())
                .tags(scope.tags())
                .build(), child());
        this.id = workspace.id();
        this.customerId = workspace.customerId();
        this.sharedKey = OperationalinsightsFunctions.getSharedKeys(GetSharedKeysArgs.builder()
                        .resourceGroupName(scope.resourceGroupName())
                        .workspaceName(workspace.name())
                        .build())
                .applyValue(keys -> keys.primarySharedKey().orElse(""))
                .asSecret();
        registerOutputs(Map.of("id", id, "customerId", customerId));
    }

    public Output<String> id() {
        return id;
    }

    public Output<String> customerId() {
        return customerId;
    }

    /** Secret: the workspace's primary shared key. */
    public Output<String> sharedKey() {
        return sharedKey;
    }
}
