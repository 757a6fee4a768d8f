package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.components.database.FirewallRange;
import com.alai.cloud.policy.rules.Waiver;
import com.alai.cloud.stacks.config.ConfigException;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.ModelRoute;
import com.alai.cloud.stacks.config.RouteKind;
import com.alai.cloud.stacks.config.EnvironmentSync;
import com.alai.cloud.stacks.config.StackFile;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import java.math.BigDecimal;
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
        assertThatThrownBy(() -> Offline.settings(Map.of("images", "{\"mc-api\": \"evil.io/x;rm -rf /\"}")))
                .hasMessageContaining("alai-cloud:images.mc-api");
    }

    @Test
    void aMalformedFirewallEntryIsRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("postgresFirewall", "[{\"name\": \"office\", \"start\": \"10.0.0.300\"}]")))
                .hasMessageContaining("alai-cloud:postgresFirewall[0]").hasMessageContaining("10.0.0.300");
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
        assertThat(file.config().get("alai-cloud:images").toString())
                .contains("\"mc-api\":\"cr.local/mc-api@sha256:" + "d".repeat(64)).contains("\"backup-job\":\"build:backup-job\"");
        assertThat(EnvironmentSync.differences(dir, "dev", "dev-phase2")).isEmpty();
    }

    @Test
    void everyKeyTheDevEnvironmentSetsIsDeclaredInPulumiYamlButTheStructuredOnes() throws Exception {
        String declared = Files.readString(Offline.HOME.resolve("Pulumi.yaml"));
        for (String line : Files.readAllLines(Offline.HOME.resolve("Pulumi.dev.yaml"))) {
            if (line.startsWith("  alai-cloud:")) {
                String key = line.substring("  alai-cloud:".length(), line.indexOf(':', "  alai-cloud:".length()));
                assertThat(declared.contains("\n  " + key + ":\n")).as(key).isNotEqualTo(EnvironmentSettings.STRUCTURED.contains(key));
            }
        }
    }

    @Test
    void aBudgetOfTheWrongTypeIsNamedByItsPath() {
        assertThatThrownBy(() -> Offline.settings(Map.of("budgets", "{\"dev\": 10, \"dev-phase2\": \"lots\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config alai-cloud:budgets.dev-phase2: 'lots' is not a number");
    }

    @Test
    void aNegativeBudgetOrOneForNoStackIsRefusedByPath() {
        assertThatThrownBy(() -> Offline.settings(Map.of("budgets", "{\"dev-phase2\": -5}")))
                .hasMessageStartingWith("config alai-cloud:budgets.dev-phase2: -5 must be");
        assertThatThrownBy(() -> Offline.settings(Map.of("budgets", "{\"Prod!\": 5}")))
                .hasMessageStartingWith("config alai-cloud:budgets[\"Prod!\"]").hasMessageContaining("not a stack name");
    }

    @Test
    void budgetsThatAreNotAMappingAreRefused() {
        assertThatThrownBy(() -> Offline.settings(Map.of("budgets", "40")))
                .hasMessage("config alai-cloud:budgets: must be a mapping (YAML object)");
    }

    @Test
    void anUnknownFieldInARouteIsNamedWithTheFieldsThatExist() {
        assertThatThrownBy(() -> Offline.settings(Map.of("modelRoutes",
                "[{\"name\": \"anvil\", \"kind\": \"ollama\", \"url\": \"http://10.1.2.3:11434\", \"uri\": \"x\"}]")))
                .hasMessageStartingWith("config alai-cloud:modelRoutes[0].uri: is not a field here").hasMessageContaining("url");
    }

    @Test
    void aHostedRouteWithoutItsKeyIsRefusedAndAPastedSecretIsNotEchoed() {
        assertThatThrownBy(() -> Offline.settings(Map.of("modelRoutes",
                "[{\"name\": \"together\", \"kind\": \"openai\", \"url\": \"https://api.together.xyz/v1\", \"model\": \"m\"}]")))
                .hasMessage("config alai-cloud:modelRoutes[0]: route together (openai) needs model and apiKey (bw:ITEM#FIELD)");
        assertThatThrownBy(() -> Offline.settings(Map.of("modelRoutes", "[{\"name\": \"together\", \"kind\": \"openai\","
                + " \"url\": \"https://api.together.xyz/v1\", \"model\": \"m\", \"apiKey\": \"tgp_v1_SECRET\"}]")))
                .hasMessageContaining("alai-cloud:modelRoutes[0]").hasMessageNotContaining("tgp_v1_SECRET");
    }

    @Test
    void anUnknownRouteKindNamesTheKinds() {
        assertThatThrownBy(() -> Offline.settings(Map.of("modelRoutes", "[{\"name\": \"x\", \"kind\": \"grpc\", \"url\": \"http://h:1\"}]")))
                .hasMessageStartingWith("config alai-cloud:modelRoutes[0].kind: 'grpc' is not");
    }

    @Test
    void theRouteTableIsTypedInOrderAnvilForgeThenTogether() {
        var routes = Offline.settings().routing().routes();
        assertThat(routes).extracting(ModelRoute::name).containsExactly("anvil", "forge", "together");
        assertThat(routes.get(2).kind()).isEqualTo(RouteKind.OPENAI);
        assertThat(routes.get(2).apiKey().orElseThrow().toString()).isEqualTo("bw:together-api-key#password");
    }

    @Test
    void theDevEnvironmentUsesNoOldFormSoReadingItRaisesNoNotice() {
        assertThat(Offline.settings().notices()).isEmpty();
    }

    @Test
    void oldStringFormsAreStillReadForOneReleaseWithTheYamlToWriteInstead() {
        var settings = Offline.settings(Map.of("budgets", "[\"dev=10\", \"dev-phase2=40\"]",
                "images", "[\"mc-api=build:mc-api\"]",
                "postgresFirewall", "[\"anvil=198.51.100.20\", \"office=198.51.100.32-198.51.100.47\"]"));
        assertThat(settings.budgets().of("dev-phase2")).contains(new BigDecimal("40"));
        assertThat(settings.image("mc-api").orElseThrow().toBuild()).isTrue();
        assertThat(settings.postgres().firewall()).containsExactly(FirewallRange.single("anvil", "198.51.100.20"),
                new FirewallRange("office", "198.51.100.32", "198.51.100.47"));
        assertThat(settings.notices()).hasSize(3);
        assertThat(settings.notices().get(2)).contains("alai-cloud:budgets uses the old STACK=USD strings")
                .contains("alai-cloud:budgets:\n    dev: 10\n    dev-phase2: 40");
        assertThat(settings.notices().get(0)).contains("- name: office\n      start: 198.51.100.32\n      end: 198.51.100.47");
    }

    @Test
    void theOldRouteKeysBuildTheRouteTableWithANotice(@TempDir Path dir) throws Exception {
        Files.copy(Offline.HOME.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String env = Files.readString(Offline.HOME.resolve("Pulumi.dev.yaml"));
        env = env.substring(0, env.indexOf("  # Phase 5's model routes")) + """
                  alai-cloud:ollamaEndpoints:
                    - http://100.103.49.98:11434
                  alai-cloud:fallbackModelUrl: https://api.together.xyz/v1
                  alai-cloud:fallbackModel: meta-llama/Llama-3.3-70B-Instruct-Turbo
                  alai-cloud:fallbackModelApiKey: bw:together-api-key#password
                """ + env.substring(env.indexOf("  alai-cloud:allowedLocations"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), env);
        var settings = EnvironmentSettings.read(YamlConfigSource.load(dir, "dev", "dev"));
        assertThat(settings.routing().routes()).extracting(ModelRoute::kind).containsExactly(RouteKind.OLLAMA, RouteKind.OPENAI);
        assertThat(settings.notices()).singleElement().asString().contains("alai-cloud:modelRoutes:\n    - name: ollama-1");
    }

    @Test
    void oldWaiverStringsAreConvertedAndAMalformedOneIsNamedByIndex() {
        assertThat(Waiver.read(Offline.config().with(Map.of("policyWaivers", "[\"ALAI-026|dev-phase2|x|why|2027-01-01\"]"))))
                .singleElement().extracting(Waiver::reason).isEqualTo("why");
        assertThatThrownBy(() -> Waiver.read(Offline.config().with(Map.of("policyWaivers", "[\"ALAI-026|dev-phase2|x\"]"))))
                .hasMessageStartingWith("config alai-cloud:policyWaivers[0]: 'ALAI-026|dev-phase2|x' is neither a waiver object");
    }
}
