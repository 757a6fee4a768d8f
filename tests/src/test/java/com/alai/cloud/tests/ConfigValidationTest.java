package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.stacks.config.ConfigException;
import com.alai.cloud.stacks.config.EnvironmentSync;
import com.alai.cloud.stacks.config.StackFile;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad configuration stops the program before any resource, with one line naming the key. */
class ConfigValidationTest {

    @Test
    void theRepositorysDevEnvironmentIsValid() {
        assertThat(Offline.settings().naming().resourceGroup()).isEqualTo("rg-alai-dev-swc");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> Offline.settings(Map.of("azure-native:subscriptionId", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config azure-native:subscriptionId: is required");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheValue() {
        assertThatThrownBy(() -> Offline.settings(Map.of("postgresStorageGb", "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config alai-cloud:postgresStorageGb: 'lots' is not an integer");
    }

    @Test
    void anOutOfRangeValueIsRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("postgresBackupRetentionDays", "90")))
                .hasMessageContaining("alai-cloud:postgresBackupRetentionDays").hasMessageContaining("outside 1..35");
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("location", "moon-west")))
                .hasMessageContaining("alai-cloud:location").hasMessageContaining("moon-west");
    }

    @Test
    void aSecretValuePastedIntoConfigInsteadOfABindingIsRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("postgresAdminPassword", "Hunter2!")))
                .hasMessageContaining("alai-cloud:postgresAdminPassword").hasMessageContaining("bw:ITEM#FIELD")
                .hasMessageNotContaining("Hunter2!");
    }

    @Test
    void aHostileImageReferenceIsRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("images", "[\"mc-api=evil.io/x;rm -rf /\"]")))
                .hasMessageContaining("alai-cloud:images");
    }

    @Test
    void aMalformedFirewallEntryIsRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("postgresFirewall", "[\"office=10.0.0.300\"]")))
                .hasMessageContaining("alai-cloud:postgresFirewall").hasMessageContaining("10.0.0.300");
    }

    @Test
    void anEncryptedPulumiSecretInStackConfigIsRefused(@TempDir Path dir) throws Exception {
        Files.copy(Offline.HOME.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  alai-cloud:owner:\n    secure: AAABAKx==\n");
        assertThatThrownBy(() -> YamlConfigSource.load(dir, "dev", "dev"))
                .hasMessageContaining("alai-cloud:owner").hasMessageContaining("Bitwarden");
    }

    @Test
    void invalidYamlIsReportedWithTheFileName(@TempDir Path dir) throws Exception {
        Files.copy(Offline.HOME.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config: [unclosed\n");
        assertThatThrownBy(() -> YamlConfigSource.load(dir, "dev", "dev")).hasMessageContaining("Pulumi.dev.yaml");
    }

    @Test
    void aStackFileOverridesTheEnvironmentFile(@TempDir Path dir) throws Exception {
        Files.copy(Offline.HOME.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  alai-cloud:owner: env-owner\n");
        Files.writeString(dir.resolve("Pulumi.dev-phase2.yaml"), "config:\n  alai-cloud:owner: stack-owner\n");
        assertThat(YamlConfigSource.load(dir, "dev", "dev-phase2").get("owner")).contains("stack-owner");
        assertThat(YamlConfigSource.load(dir, "dev", "dev").get("owner")).contains("env-owner");
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = "FOUNDATION", mode = EnumSource.Mode.EXCLUDE)
    void eachCommittedPhaseStackFileCarriesTheWholeEnvironment(Phase phase) {
        assertThat(EnvironmentSync.differences(Offline.HOME, "dev", phase.stackName("dev")))
                .as("run `alai-deploy config sync` and commit Pulumi.%s.yaml", phase.stackName("dev")).isEmpty();
    }

    @Test
    void syncKeepsAStacksPinnedImagesAndPulumisEncryptionSaltButNothingElseOfItsOwn(@TempDir Path dir) throws Exception {
        Files.copy(Offline.HOME.resolve("Pulumi.dev.yaml"), dir.resolve("Pulumi.dev.yaml"));
        String pinned = "mc-api=cr.local/mc-api@sha256:" + "d".repeat(64);
        Files.writeString(dir.resolve("Pulumi.dev-phase2.yaml"), "encryptionsalt: v1:salt\nconfig:\n"
                + "  alai-cloud:owner: someone-else\n  alai-cloud:images:\n    - " + pinned + "\n    - backup-job=build:old\n");

        assertThat(EnvironmentSync.differences(dir, "dev", "dev-phase2")).anyMatch(d -> d.startsWith("alai-cloud:owner"));
        assertThat(EnvironmentSync.sync(dir, "dev", "dev-phase2")).isTrue();

        StackFile file = StackFile.read(dir.resolve("Pulumi.dev-phase2.yaml"));
        assertThat(file.root().path("encryptionsalt").asText()).isEqualTo("v1:salt");
        assertThat(file.config().get("alai-cloud:owner").asText()).isEqualTo("alembasic");
        assertThat(file.config().get("alai-cloud:images").toString()).contains(pinned).contains("backup-job=build:backup-job");
        assertThat(EnvironmentSync.differences(dir, "dev", "dev-phase2")).isEmpty();
    }

    @Test
    void everyKeyTheDevEnvironmentSetsIsDeclaredInPulumiYaml() throws Exception {
        String declared = Files.readString(Offline.HOME.resolve("Pulumi.yaml"));
        for (String line : Files.readAllLines(Offline.HOME.resolve("Pulumi.dev.yaml"))) {
            if (line.startsWith("  alai-cloud:")) {
                String key = line.substring("  alai-cloud:".length(), line.indexOf(':', "  alai-cloud:".length()));
                assertThat(declared).as(key).contains("\n  " + key + ":\n");
            }
        }
    }
}
