package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.stacks.config.ConfigException;
import com.alai.cloud.stacks.config.YamlConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration stops the program before any resource, with one line naming the key. */
class ConfigValidationTest {

    @Test
    void theRepositorysDevEnvironmentIsValid() {
        assertThat(Offline.settings().naming().resourceGroup()).isEqualTo("rg-alai-dev-swc");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> Offline.settings(Map.of("subscriptionId", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config alai-cloud:subscriptionId: is required");
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
