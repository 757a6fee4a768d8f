package com.alai.cloud.policy.rules;

import static com.alai.cloud.policy.rules.Rule.failIf;
import static com.alai.cloud.policy.rules.Rule.type;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.components.azure.Props;
import com.alai.cloud.stacks.config.ImageRef;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Container Apps and Container Apps Jobs. */
final class ContainerAppRules {
    private static final Predicate<ResourceNode> APP = type(AzureType.CONTAINER_APP);
    private static final Predicate<ResourceNode> APP_OR_JOB = APP.or(type(AzureType.CONTAINER_APP_JOB));
    private static final String IMAGE = Props.IMAGE;

    private ContainerAppRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("ALAI-010", Severity.MANDATORY, "API apps keep at least one replica",
                        "An API at zero replicas cold-starts on the first request; the seed asks for min 1.",
                        List.of(), APP.and(ContainerAppRules::hasIngress),
                        (n, g, c) -> failIf(number(n, Props.MIN_REPLICAS) < 1, "minReplicas is "
                                + (long) number(n, Props.MIN_REPLICAS) + "; an API needs at least 1")),
                new Rule("ALAI-011", Severity.MANDATORY, "Ingress is HTTPS only",
                        "Plain HTTP exposes bearer tokens in transit.", List.of("Azure.ContainerApp.Insecure"),
                        APP.and(ContainerAppRules::hasIngress),
                        (n, g, c) -> failIf(!Boolean.FALSE.equals(n.at(Props.ALLOW_INSECURE).orElse(null)),
                                "ingress allowInsecure is not false")),
                new Rule("ALAI-012", Severity.MANDATORY, "Images are pulled with a managed identity",
                        "A registry password is a long-lived credential to leak and rotate.",
                        List.of("Azure.ContainerApp.ManagedIdentity"), APP_OR_JOB, ContainerAppRules::identityPull),
                new Rule("ALAI-013", Severity.MANDATORY, "Secret env vars come through secretRef",
                        "A literal secret in an env var is visible to anyone who can read the app.",
                        List.of(), APP_OR_JOB, ContainerAppRules::secretEnv),
                new Rule("ALAI-014", Severity.MANDATORY, "Images are pinned by digest",
                        "A tag can move; a digest deploys exactly the bytes that were tested.", List.of(), APP_OR_JOB,
                        (n, g, c) -> pinned(n.string(IMAGE).orElse(""))),
                new Rule("ALAI-015", Severity.MANDATORY, "CPU and memory are a valid consumption pair",
                        "The consumption plan accepts only 0.25 vCPU steps with 2 GiB per vCPU.", List.of(), APP_OR_JOB,
                        ContainerAppRules::sizing),
                new Rule("ALAI-017", Severity.MANDATORY, "Jobs run on a schedule with a timeout, as the managed identity",
                        "A backup that never runs, runs forever, or runs with a password is no backup.", List.of(),
                        type(AzureType.CONTAINER_APP_JOB), ContainerAppRules::scheduledJob),
                new Rule("ALAI-016", Severity.MANDATORY, "Liveness and readiness probes are set",
                        "Without probes a hung replica keeps receiving traffic.", List.of(), APP,
                        ContainerAppRules::probes));
    }

    private static boolean hasIngress(ResourceNode node) {
        return node.at(Props.INGRESS).isPresent();
    }

    private static double number(ResourceNode node, String path) {
        return node.at(path).filter(v -> v instanceof Number).map(v -> ((Number) v).doubleValue()).orElse(0.0);
    }

    private static Optional<String> identityPull(ResourceNode node, com.alai.cloud.policy.graph.ResourceGraph g, PolicyContext c) {
        List<Object> registries = node.list("configuration.registries");
        for (Object registry : registries) {
            Map<?, ?> r = (Map<?, ?>) registry;
            if (r.get("passwordSecretRef") != null || r.get("username") != null) {
                return Optional.of("registry " + r.get("server") + " is pulled with a username/password");
            }
            if (r.get("identity") == null) {
                return Optional.of("registry " + r.get("server") + " has no managed identity");
            }
        }
        return failIf(registries.isEmpty(), "no registry credentials: the image would be pulled anonymously");
    }

    private static Optional<String> secretEnv(ResourceNode node, com.alai.cloud.policy.graph.ResourceGraph g, PolicyContext c) {
        var offending = new ArrayList<String>();
        for (Object container : node.list("template.containers")) {
            Object env = ((Map<?, ?>) container).get("env");
            if (!(env instanceof List<?> vars)) {
                continue;
            }
            for (Object v : vars) {
                Map<?, ?> var = (Map<?, ?>) v;
                String name = String.valueOf(var.get("name"));
                Object value = var.get("value");
                if (value != null && (Patterns.secretName(name) || Patterns.credentialValue(String.valueOf(value)))) {
                    offending.add(name);
                }
            }
        }
        return failIf(!offending.isEmpty(), "env " + offending + " hold literal secret values; use secretEnv (secretRef)");
    }

    static Optional<String> pinned(String image) {
        if (image.startsWith("build:")) {
            return Optional.empty();
        }
        if (ImageRef.digestOf(image).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("image '" + image + "' is not pinned by digest (use repo@sha256:…, never a tag)");
    }

    private static Optional<String> sizing(ResourceNode node, com.alai.cloud.policy.graph.ResourceGraph g, PolicyContext c) {
        double cpu = number(node, Props.CPU);
        String memory = node.string(Props.MEMORY).orElse("");
        boolean step = cpu >= 0.25 && cpu <= 4.0 && Math.abs(cpu * 4 - Math.rint(cpu * 4)) < 1e-9;
        boolean pair = memory.matches("\\d+(\\.\\d+)?Gi")
                && Math.abs(Double.parseDouble(memory.substring(0, memory.length() - 2)) - cpu * 2) < 1e-9;
        return failIf(!(step && pair), "cpu " + cpu + " / memory " + memory
                + " is not a consumption pair (0.25 vCPU steps, 2 GiB per vCPU, e.g. 0.25/0.5Gi)");
    }

    private static Optional<String> scheduledJob(ResourceNode node, com.alai.cloud.policy.graph.ResourceGraph g, PolicyContext c) {
        String cron = node.string(Props.CRON).orElse("");
        if (!"Schedule".equals(node.string("configuration.triggerType").orElse("")) || !cron.matches("(\\S+\\s+){4}\\S+")) {
            return Optional.of("trigger is not a 5-field cron schedule");
        }
        if (number(node, "configuration.replicaTimeout") < 60) {
            return Optional.of("replicaTimeout is missing or under 60 s");
        }
        return failIf(!"UserAssigned".equals(node.string("identity.type").orElse("")), "the job has no user-assigned identity");
    }

    private static Optional<String> probes(ResourceNode node, com.alai.cloud.policy.graph.ResourceGraph g, PolicyContext c) {
        var types = node.list(Props.PROBES).stream().map(p -> String.valueOf(((Map<?, ?>) p).get("type"))).toList();
        return failIf(!types.contains("Liveness") || !types.contains("Readiness"), "probes present: " + types
                + "; liveness and readiness are required");
    }
}
