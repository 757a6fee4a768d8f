package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.policy.graph.ResourceNode;
import com.alai.cloud.stacks.phases.Phase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Container App of every phase follows the house rules of ARCHITECTURE.md. */
class ContainerAppsTest {

    static Stream<ResourceNode> apps() {
        return Stream.of(Phase.values()).flatMap(p -> Offline.apps(p).stream());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void runsOnAQuarterVcpuAndHalfAGibibyte(ResourceNode app) {
        assertThat(app.at("template.containers[0].resources.cpu")).contains(0.25);
        assertThat(app.at("template.containers[0].resources.memory")).contains("0.5Gi");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void neverScalesToZero(ResourceNode app) {
        assertThat((Double) app.at("template.scale.minReplicas").orElseThrow()).isGreaterThanOrEqualTo(1.0);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void acceptsHttpsOnly(ResourceNode app) {
        assertThat(app.at("configuration.ingress.allowInsecure")).contains(false);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void pullsItsImageWithTheFoundationsUserAssignedIdentity(ResourceNode app) {
        Object identityId = Offline.graph(Phase.FOUNDATION).exports().get("identityId");
        assertThat(app.at("configuration.registries[0].identity")).contains(identityId);
        assertThat(app.at("configuration.registries[0].server"))
                .contains(Offline.graph(Phase.FOUNDATION).exports().get("registryLoginServer"));
        assertThat(app.at("configuration.registries[0].passwordSecretRef")).isEmpty();
        assertThat(app.at("identity.type")).contains("UserAssigned");
        assertThat(app.list("identity.userAssignedIdentities")).containsExactly(identityId);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void runsInTheFoundationsAppsEnvironment(ResourceNode app) {
        assertThat(app.at("managedEnvironmentId")).contains(Offline.graph(Phase.FOUNDATION).exports().get("environmentId"));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void hasLivenessReadinessAndStartupProbes(ResourceNode app) {
        assertThat(app.list("template.containers[0].probes")).extracting(p -> (Object) ((Map<?, ?>) p).get("type"))
                .containsExactlyInAnyOrder("Liveness", "Readiness", "Startup");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void deploysTheImageConfiguredForItsService(ResourceNode app) {
        String service = app.name();
        assertThat(app.at("template.containers[0].image")).contains(Offline.settings().image(service).orElseThrow().value());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void passesEverySecretThroughASecretRefAndMarksItsValueSecret(ResourceNode app) {
        List<?> secrets = app.list("configuration.secrets");
        for (int i = 0; i < secrets.size(); i++) {
            assertThat(app.isSecret("configuration.secrets[" + i + "].value")).as("secret %d of %s", i, app.name()).isTrue();
        }
        for (Object env : app.list("template.containers[0].env")) {
            Map<?, ?> var = (Map<?, ?>) env;
            if (var.containsKey("secretRef")) {
                assertThat(var.get("value")).as(var.get("name").toString()).isNull();
                assertThat(secrets).anyMatch(s -> ((Map<?, ?>) s).get("name").equals(var.get("secretRef")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void trustsTheConfiguredOidcIssuer(ResourceNode app) {
        assertThat(app.list("template.containers[0].env"))
                .anyMatch(e -> "OIDC_ISSUER".equals(((Map<?, ?>) e).get("name"))
                        && Offline.settings().auth().issuer().equals(((Map<?, ?>) e).get("value")));
    }
}
