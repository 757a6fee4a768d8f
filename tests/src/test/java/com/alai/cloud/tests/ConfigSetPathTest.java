package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.policy.rules.Waiver;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.EnvironmentSync;
import com.alai.cloud.stacks.config.YamlConfigSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every structured setting changed the way a Pulumi user changes one, with the real CLI's `pulumi config set --path`
 * on a copy of the repository's files, then read back by the program's own reader: what Pulumi wrote is what the
 * plan and `pulumi up` read, in the environment file and, after `config sync`, in a phase stack's file.
 */
class ConfigSetPathTest {
    static final String DIGEST = "sha256:" + "d".repeat(64);

    @TempDir
    Path dir;
    Path project;
    RealPulumi pulumi;

    @BeforeEach
    void copyTheProject() throws IOException {
        pulumi = new RealPulumi(dir);
        project = Files.createDirectories(dir.resolve("project"));
        for (String file : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.dev-phase2.yaml"}) {
            Files.copy(Offline.HOME.resolve(file), project.resolve(file));
        }
        for (String stack : new String[] {"dev", "dev-phase2"}) {
            RealPulumi.Result init = pulumi.pulumi(project, "stack", "init", stack);
            assertThat(init.exitCode()).as(init.all()).isZero();
        }
    }

    void set(String path, String value) {
        RealPulumi.Result set = pulumi.pulumi(project, "config", "set", "--path", "--stack", "dev", path, value);
        assertThat(set.exitCode()).as("pulumi config set --path %s: %s", path, set.all()).isZero();
    }

    EnvironmentSettings settings(String stack) {
        return EnvironmentSettings.read(YamlConfigSource.load(project, "dev", stack));
    }

    @Test
    void aBudgetSetByPathIsTheBudgetThePlanAndThePhaseStackRead() {
        set("alai-cloud:budgets.dev-phase2", "55");
        assertThat(settings("dev").budgets().of("dev-phase2")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("55"));

        assertThat(EnvironmentSync.sync(project, "dev", "dev-phase2")).isTrue();
        assertThat(settings("dev-phase2").budgets().of("dev-phase2")).contains(new BigDecimal("55"));
        RealPulumi.Result get = pulumi.pulumi(project, "config", "get", "--path", "--stack", "dev-phase2", "alai-cloud:budgets.dev-phase2");
        assertThat(get.stdout().strip()).as(get.all()).isEqualTo("55");
    }

    @Test
    void aFirewallEntryAddedByPathBecomesAnAllowRule() {
        set("alai-cloud:postgresFirewall[0].name", "anvil");
        set("alai-cloud:postgresFirewall[0].start", "198.51.100.20");
        assertThat(settings("dev").postgres().firewall()).containsExactly(FirewallRange.single("anvil", "198.51.100.20"));
    }

    @Test
    void anImagePinnedByPathIsTheImageTheProgramDeploys() {
        set("alai-cloud:images.mc-api", "registry.local/mc-api@" + DIGEST);
        assertThat(settings("dev").image("mc-api").orElseThrow().value()).isEqualTo("registry.local/mc-api@" + DIGEST);
        assertThat(settings("dev").image("hivemind-api").orElseThrow().toBuild()).isTrue();
    }

    @Test
    void aWaiverAndARouteChangedByPathAreReadBackTyped() {
        set("alai-cloud:policyWaivers[0].expires", "2027-12-31");
        set("alai-cloud:modelRoutes[1].url", "http://forge2.tail-alai.ts.net:11434");
        assertThat(Waiver.read(YamlConfigSource.load(project, "dev", "dev")).get(0).expires()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(settings("dev").routing().routes().get(1).url()).isEqualTo("http://forge2.tail-alai.ts.net:11434");
    }

    @Test
    void aBadValueSetByPathIsRefusedNamingThatPath() {
        set("alai-cloud:budgets.dev-phase2", "lots");
        assertThatThrownBy(() -> settings("dev"))
                .hasMessage("config alai-cloud:budgets.dev-phase2: 'lots' is not a number");
    }
}
