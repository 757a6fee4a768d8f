package com.alai.cloud.components.apps;

import com.alai.cloud.components.core.Scope;
import com.pulumi.core.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Arguments of a {@link ContainerService}; build with {@link #builder()}, which holds the safe defaults. */
public record ContainerServiceArgs(Scope scope, Output<String> environmentId, Output<String> identityId,
                                   String workload, ContainerSpec spec, int targetPort, boolean external,
                                   boolean allowInsecure, List<String> allowedCidrs, int minReplicas, int maxReplicas,
                                   int concurrentRequestsPerReplica, Probes probes) {

    public ContainerServiceArgs {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(probes, "probes");
        allowedCidrs = List.copyOf(allowedCidrs);
        if (targetPort < 1 || targetPort > 65535) {
            throw new IllegalArgumentException(workload + ": target port " + targetPort + " is not a TCP port");
        }
        if (minReplicas < 0 || maxReplicas < Math.max(1, minReplicas)) {
            throw new IllegalArgumentException(workload + ": replicas must satisfy 0 <= min <= max, max >= 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Scope scope;
        private Output<String> environmentId;
        private Output<String> identityId;
        private String workload;
        private String image;
        private RegistryPull registryPull;
        private double cpu = ContainerSpec.DEFAULT_CPU;
        private String memory = ContainerSpec.DEFAULT_MEMORY;
        private final Map<String, Output<String>> env = new LinkedHashMap<>();
        private final Map<String, Output<String>> secretEnv = new LinkedHashMap<>();
        private int targetPort = 8080;
        private boolean external = true;
        private boolean allowInsecure = false;
        private List<String> allowedCidrs = List.of();
        private int minReplicas = 1;
        private int maxReplicas = 2;
        private int concurrentRequestsPerReplica = 0;
        private Probes probes = Probes.standard();

        public Builder scope(Scope v) { scope = v; return this; }
        public Builder environmentId(Output<String> v) { environmentId = v; return this; }
        public Builder workload(String v) { workload = v; return this; }
        public Builder image(String v) { image = v; return this; }
        public Builder cpu(double v) { cpu = v; return this; }
        public Builder memory(String v) { memory = v; return this; }
        public Builder env(String name, String value) { env.put(name, Output.of(value)); return this; }
        public Builder env(String name, Output<String> value) { env.put(name, value); return this; }
        public Builder secretEnv(String name, Output<String> value) { secretEnv.put(name, value); return this; }
        public Builder targetPort(int v) { targetPort = v; return this; }
        public Builder external(boolean v) { external = v; return this; }
        public Builder allowInsecure(boolean v) { allowInsecure = v; return this; }
        /** CIDR blocks external ingress admits; empty admits every address (internal ingress ignores it). */
        public Builder allowFrom(List<String> v) { allowedCidrs = v; return this; }
        public Builder minReplicas(int v) { minReplicas = v; return this; }
        public Builder maxReplicas(int v) { maxReplicas = v; return this; }
        public Builder httpScaleRule(int concurrentRequests) { concurrentRequestsPerReplica = concurrentRequests; return this; }
        public Builder probes(Probes v) { probes = v; return this; }

        /** Pull with the user-assigned identity (the rule). */
        public Builder pullWithIdentity(Output<String> server, Output<String> identity) {
            registryPull = new RegistryPull.ManagedIdentity(server, identity);
            identityId = identity;
            return this;
        }

        /** Pull with a registry password (an exception the policy reports); the app still gets the identity. */
        public Builder pullWithPassword(Output<String> server, String username, Output<String> password,
                                        Output<String> identity) {
            registryPull = new RegistryPull.Password(server, username, password);
            identityId = identity;
            return this;
        }

        public ContainerServiceArgs build() {
            var spec = new ContainerSpec(image, cpu, memory, env, secretEnv, registryPull);
            return new ContainerServiceArgs(scope, environmentId, identityId, workload, spec, targetPort, external,
                    allowInsecure, allowedCidrs, minReplicas, maxReplicas, concurrentRequestsPerReplica, probes);
        }
    }
}
