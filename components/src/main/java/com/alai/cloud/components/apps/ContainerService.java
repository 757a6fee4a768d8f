package com.alai.cloud.components.apps;

import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.app.ContainerApp;
import com.pulumi.azurenative.app.ContainerAppArgs;
import com.pulumi.azurenative.app.inputs.ConfigurationArgs;
import com.pulumi.azurenative.app.inputs.HttpScaleRuleArgs;
import com.pulumi.azurenative.app.inputs.IngressArgs;
import com.pulumi.azurenative.app.inputs.IpSecurityRestrictionRuleArgs;
import com.pulumi.azurenative.app.inputs.ManagedServiceIdentityArgs;
import com.pulumi.azurenative.app.inputs.ScaleArgs;
import com.pulumi.azurenative.app.inputs.ScaleRuleArgs;
import com.pulumi.azurenative.app.inputs.TemplateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * One Container App: HTTPS-only ingress, image by digest, pulled with the user-assigned identity, secrets through
 * {@code secretRef}, liveness/readiness/startup probes, and at least one replica so an API never cold-starts.
 */
public final class ContainerService extends AlaiComponent {
    private final Output<String> id;
    private final Output<String> fqdn;
    private final Output<String> url;

    public ContainerService(String name, ContainerServiceArgs args, ComponentResourceOptions options) {
        super("ContainerService", name, options);
        Scope scope = args.scope();
        ContainerSpec spec = args.spec();
        var configuration = ConfigurationArgs.builder()
                .activeRevisionsMode("Single")
                .ingress(IngressArgs.builder()
                        .external(args.external())
                        .targetPort(args.targetPort())
                        .transport("auto")
                        .allowInsecure(args.allowInsecure())
                        .ipSecurityRestrictions(restrictions(args))
                        .build())
                .registries(spec.registries())
                .secrets(spec.secrets())
                .build();
        var scale = ScaleArgs.builder().minReplicas(args.minReplicas()).maxReplicas(args.maxReplicas());
        if (args.concurrentRequestsPerReplica() > 0) {
            scale.rules(List.of(ScaleRuleArgs.builder()
                    .name("http-concurrency")
                    .http(HttpScaleRuleArgs.builder()
                            .metadata(Map.of("concurrentRequests", Integer.toString(args.concurrentRequestsPerReplica())))
                            .build())
                    .build()));
        }
        var app = new ContainerApp(name, ContainerAppArgs.builder()
                .containerAppName(scope.naming().regional(Kind.CONTAINER_APP, args.workload()))
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .managedEnvironmentId(args.environmentId())
                .identity(identity(args.identityId()))
                .configuration(configuration)
                .template(TemplateArgs.builder()
                        .containers(List.of(spec.container(args.workload(), args.probes(), args.targetPort())))
                        .scale(scale.build())
                        .build())
                .tags(scope.tags())
                .build(), child());
        this.id = app.id();
        this.fqdn = app.latestRevisionFqdn();
        this.url = app.configuration().applyValue(c -> c
                .flatMap(cfg -> cfg.ingress())
                .map(ingress -> "https://" + ingress.fqdn())
                .orElse(""));
        registerOutputs(Map.of("id", id, "fqdn", fqdn, "url", url));
    }

    /** Allow rules only: one Deny rule would admit every other address (and Azure refuses a mix). */
    private static List<IpSecurityRestrictionRuleArgs> restrictions(ContainerServiceArgs args) {
        if (!args.external()) {
            return List.of();
        }
        return args.allowedCidrs().stream().map(block -> IpSecurityRestrictionRuleArgs.builder()
                .name("allow-" + block.replace('.', '-').replace('/', '-'))
                .ipAddressRange(block)
                .action("Allow")
                .build()).toList();
    }

    static ManagedServiceIdentityArgs identity(Output<String> identityId) {
        return ManagedServiceIdentityArgs.builder()
                .type("UserAssigned")
                .userAssignedIdentities(identityId.applyValue(List::of))
                .build();
    }

    public Output<String> id() {
        return id;
    }

    public Output<String> fqdn() {
        return fqdn;
    }

    /** The app's public HTTPS URL (empty until Azure assigns the ingress FQDN). */
    public Output<String> url() {
        return url;
    }
}
