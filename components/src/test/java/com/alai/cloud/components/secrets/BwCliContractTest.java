package com.alai.cloud.components.secrets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Bitwarden CLI (npm @bitwarden/cli, installed by .ci/run) with an empty, logged-out profile. */
class BwCliContractTest {

    @Test
    void aLoggedOutCliGivesAClearErrorNamingTheBindingAndHowToUnlock(@TempDir Path profile) {
        var env = Map.of("PATH", System.getenv("PATH"), "HOME", profile.toString(),
                "BITWARDENCLI_APPDATA_DIR", profile.resolve("bw").toString());
        var source = new BwCliSecretSource("bw", env);
        assertThatThrownBy(() -> source.resolve(SecretRef.parse("bw:github-token#password")))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("bw:github-token#password")
                .hasMessageContaining("You are not logged in")
                .hasMessageContaining("BW_SESSION");
    }
}
