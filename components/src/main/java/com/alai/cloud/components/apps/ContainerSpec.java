package com.alai.cloud.components.apps;

import com.pulumi.azurenative.app.inputs.ContainerAppProbeArgs;
import com.pulumi.azurenative.app.inputs.ContainerAppProbeHttpGetArgs;
import com.pulumi.azurenative.app.inputs.ContainerArgs;
import com.pulumi.azurenative.app.inputs.ContainerResourcesArgs;
import com.pulumi.azurenative.app.inputs.EnvironmentVarArgs;
import com.pulumi.azurenative.app.inputs.RegistryCredentialsArgs;
import com.pulumi.azurenative.app.inputs.SecretArgs;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What runs in one container, shared by apps and jobs: image, size, plain env, secret env and registry auth.
 * Secret env values become Container Apps secrets referenced by {@code secretRef}; they are never inlined.
 */
public record ContainerSpec(String image, double cpu, String memory, Map<String, Output<String>> env,
                            Map<String, Output<String>> secretEnv, RegistryPull registryPull) {

    public static final double DEFAULT_CPU = 0.25;
    public static final String DEFAULT_MEMORY = "0.5Gi";

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(registryPull, "registryPull");
        env = Map.copyOf(env);
        secretEnv = Map.copyOf(secretEnv);
        for (String key : secretEnv.keySet()) {
            if (env.containsKey(key)) {
                throw new IllegalArgumentException("env var " + key + " is both plain and secret");
            }
        }
    }

    /** Plain (non-secret) env values given as text. */
    public static Map<String, Output<String>> plain(Map<String, String> values) {
        var out = new java.util.LinkedHashMap<String, Output<String>>();
        values.forEach((k, v) -> out.put(k, Output.of(v)));
        return out;
    }

    /** Container Apps secret names: lowercase, digits and '-', derived from the env var name. */
    public static String secretName(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    List<SecretArgs> secrets() {
        var secrets = new ArrayList<SecretArgs>();
        new TreeMap<>(secretEnv).forEach((name, value) ->
                secrets.add(SecretArgs.builder().name(secretName(name)).value(value.asSecret()).build()));
        if (registryPull instanceof RegistryPull.Password password) {
            secrets.add(SecretArgs.builder().name("registry-password").value(password.password().asSecret()).build());
        }
        return secrets;
    }

    List<RegistryCredentialsArgs> registries() {
        var credentials = RegistryCredentialsArgs.builder().server(registryPull.server());
        switch (registryPull) {
            case RegistryPull.ManagedIdentity identity -> credentials.identity(identity.identityId());
            case RegistryPull.Password password ->
                    credentials.username(password.username()).passwordSecretRef("registry-password");
        }
        return List.of(credentials.build());
    }

    ContainerArgs container(String name, Probes probes, int port) {
        var vars = new ArrayList<EnvironmentVarArgs>();
        new TreeMap<>(env).forEach((k, v) -> vars.add(EnvironmentVarArgs.builder().name(k).value(v).build()));
        new TreeMap<>(secretEnv).keySet().forEach(k ->
                vars.add(EnvironmentVarArgs.builder().name(k).secretRef(secretName(k)).build()));
        var probeArgs = new ArrayList<ContainerAppProbeArgs>();
        probes.liveness().ifPresent(path -> probeArgs.add(probe("Liveness", path, port, 0, 10)));
        probes.readiness().ifPresent(path -> probeArgs.add(probe("Readiness", path, port, 0, 5)));
        probes.startup().ifPresent(path -> probeArgs.add(probe("Startup", path, port, 1, 2)));
        return ContainerArgs.builder()
                .name(name)
                .image(image)
                .resources(ContainerResourcesArgs.builder().cpu(cpu).memory(memory).build())
                .env(vars)
                .probes(probeArgs)
                .build();
    }

    private static ContainerAppProbeArgs probe(String type, String path, int port, int initialDelay, int period) {
        return ContainerAppProbeArgs.builder()
                .type(type)
                .httpGet(ContainerAppProbeHttpGetArgs.builder().path(path).port(port).scheme("HTTP").build())
                .initialDelaySeconds(initialDelay)
                .periodSeconds(period)
                .failureThreshold("Startup".equals(type) ? 30 : 3)
                .timeoutSeconds(2)
                .build();
    }
}
