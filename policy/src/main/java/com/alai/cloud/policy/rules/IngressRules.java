package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.Props;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Who can reach the Container Apps, and how many replicas answer: ingress, IP restrictions, the environment. */
final class IngressRules {
    private static final Predicate<ResourceNode> APP = type(AzureType.CONTAINER_APP);
    private static final Predicate<ResourceNode> WITH_INGRESS = APP.and(n -> n.at(Props.INGRESS).isPresent());
    private static final Predicate<ResourceNode> EXTERNAL = WITH_INGRESS.and(IngressRules::external);
    private static final Predicate<ResourceNode> ENVIRONMENT = type(AzureType.APPS_ENVIRONMENT);

    private IngressRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("ALAI-018", Severity.ADVISORY, "Ingress is internal to the environment",
                        "An app only other apps call must not be reachable from the internet; public APIs are waived by name.",
                        List.of("Azure.ContainerApp.ExternalIngress"), WITH_INGRESS,
                        (n, g, c) -> failIf(external(n), "ingress is external")),
                // Upstream asks every app with ingress for allow rules; internal ingress already limits callers to the
                // environment, so this one asks the external apps.
                new Rule("ALAI-019", Severity.ADVISORY, "External ingress allows only listed IP ranges",
                        "Without allow rules every address on the internet reaches the app; deny rules admit all others.",
                        List.of("Azure.ContainerApp.RestrictIngress"), EXTERNAL,
                        (n, g, c) -> {
                            List<Object> rules = n.list("configuration.ingress.ipSecurityRestrictions");
                            return failIf(rules.isEmpty() || rules.stream().anyMatch(r -> !"Allow".equals(((Map<?, ?>) r).get("action"))),
                                    rules.isEmpty() ? "no IP restrictions" : "IP restrictions include non-Allow rules");
                        }),
                new Rule("ALAI-050", Severity.MANDATORY, "Session affinity is off",
                        "Sticky sessions pin callers to one replica; the APIs keep no session state.",
                        List.of("Azure.ContainerApp.DisableAffinity"), WITH_INGRESS,
                        (n, g, c) -> failIf("sticky".equals(n.string("configuration.ingress.stickySessions.affinity").orElse("none")),
                                "session affinity is sticky")),
                new Rule("ALAI-051", Severity.MANDATORY, "Container Apps use a GA API version",
                        "Preview API versions of Microsoft.App are retired on a schedule and then stop deploying.",
                        List.of("Azure.ContainerApp.APIVersion"), APP.or(type(AzureType.CONTAINER_APP_JOB)).or(ENVIRONMENT),
                        (n, g, c) -> failIf(n.type().matches(".*/v\\d+preview:.*"), "type " + n.type() + " is a preview API version")),
                new Rule("ALAI-052", Severity.ADVISORY, "APIs run at least two replicas",
                        "One replica is a single point of failure; the seed sizes for one (a second costs ~$9/month per app).",
                        List.of("Azure.ContainerApp.MinReplicas"), WITH_INGRESS,
                        (n, g, c) -> failIf(n.at(Props.MIN_REPLICAS).map(v -> ((Number) v).intValue()).orElse(0) < 2,
                                "minReplicas is under 2")),
                new Rule("ALAI-053", Severity.ADVISORY, "The apps environment is zone redundant",
                        "A zone outage takes a single-zone environment down; zone redundancy needs a VNet and two replicas.",
                        List.of("Azure.ContainerApp.AvailabilityZone"), ENVIRONMENT,
                        (n, g, c) -> failIf(!Boolean.TRUE.equals(n.at("zoneRedundant").orElse(false)), "zoneRedundant is not true")),
                new Rule("ALAI-054", Severity.ADVISORY, "The apps environment is internal, on a VNet",
                        "An internal environment has no public endpoint at all; the public APIs would need a gateway in front.",
                        List.of("Azure.ContainerApp.PublicAccess"), ENVIRONMENT,
                        (n, g, c) -> failIf(!Boolean.TRUE.equals(n.at("vnetConfiguration.internal").orElse(false))
                                || n.string("vnetConfiguration.infrastructureSubnetId").isEmpty(),
                                "the environment is not internal on a subnet")));
    }

    private static boolean external(ResourceNode node) {
        return !Boolean.FALSE.equals(node.at("configuration.ingress.external").orElse(false));
    }
}
