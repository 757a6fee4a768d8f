package com.alai.cloud.components.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bitwarden bindings: parsing, resolution from env and from the recorded `bw get item` contract, no value leaks. */
class SecretBindingTest {

    @Test
    void aBindingNamesAnItemAndAField() {
        assertThat(SecretRef.parse("bw:github-token#password")).isEqualTo(new SecretRef("github-token", "password"));
        assertThat(SecretRef.parse("bw:ssh key")).isEqualTo(new SecretRef("ssh key", "password"));
    }

    @Test
    void malformedBindingsAreRefusedWithoutEchoingMoreThanTheReference() {
        assertThatThrownBy(() -> SecretRef.parse("github-token#password")).hasMessageContaining("bw:ITEM#FIELD");
        assertThatThrownBy(() -> SecretRef.parse("bw:#password")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretRef.parse("bw:item;rm -rf /#password")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretRef.parse("bw:" + "x".repeat(200))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnvironmentSourceReadsOneVariablePerBinding() {
        var ref = SecretRef.parse("bw:alai-postgres-admin#password");
        var source = new EnvSecretSource(Map.of("ALAI_SECRET_ALAI_POSTGRES_ADMIN_PASSWORD", "s3cret-value"));
        assertThat(source.resolve(ref)).isEqualTo("s3cret-value");
    }

    @Test
    void aMissingBindingNamesTheReferenceAndTheVariableToSet() {
        var ref = SecretRef.parse("bw:anthropic-api-key#password");
        assertThatThrownBy(() -> new EnvSecretSource(Map.of()).resolve(ref))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("bw:anthropic-api-key#password")
                .hasMessageContaining("ALAI_SECRET_ANTHROPIC_API_KEY_PASSWORD");
    }

    @Test
    void loginFieldsNotesAndCustomFieldsAreReadFromTheRecordedCliOutput() throws IOException {
        String item = fixture("bw/get-item-github-token.json");
        assertThat(BwCliSecretSource.fieldOf(SecretRef.parse("bw:github-token#password"), item)).isEqualTo("recorded-fixture-token");
        assertThat(BwCliSecretSource.fieldOf(SecretRef.parse("bw:github-token#username"), item)).isEqualTo("alai-bot");
        assertThat(BwCliSecretSource.fieldOf(SecretRef.parse("bw:github-token#notes"), item)).isEqualTo("fine-grained, repo scope");
        assertThat(BwCliSecretSource.fieldOf(SecretRef.parse("bw:github-token#webhook-secret"), item)).isEqualTo("recorded-fixture-webhook");
    }

    @Test
    void anAbsentFieldNamesItemAndFieldButNoValue() throws IOException {
        String item = fixture("bw/get-item-github-token.json");
        assertThatThrownBy(() -> BwCliSecretSource.fieldOf(SecretRef.parse("bw:github-token#totp"), item))
                .hasMessageContaining("has no field 'totp'")
                .hasMessageNotContaining("recorded-fixture-token");
    }

    @Test
    void cliOutputThatIsNotAnItemIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> BwCliSecretSource.fieldOf(SecretRef.parse("bw:x#password"), "secret-looking garbage"))
                .hasMessageNotContaining("garbage");
    }

    @Test
    void aMissingBwExecutableSaysHowToInstallIt() {
        var source = new BwCliSecretSource("/nonexistent/bw", Map.of());
        assertThatThrownBy(() -> source.resolve(SecretRef.parse("bw:github-token#password")))
                .hasMessageContaining("npm install -g @bitwarden/cli");
    }

    @Test
    void theChainFallsThroughToTheNextSource() {
        var ref = SecretRef.parse("bw:github-token#password");
        var chain = new ChainedSecretSource(List.of(new EnvSecretSource(Map.of()),
                new EnvSecretSource(Map.of(ref.envName(), "from-second"))));
        assertThat(chain.resolve(ref)).isEqualTo("from-second");
    }

    private static String fixture(String path) throws IOException {
        try (var in = SecretBindingTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
