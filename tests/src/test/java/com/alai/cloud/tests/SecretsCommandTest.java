package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.components.secrets.SecretRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `alai-deploy secrets …` as an operator runs it, through the launcher, with secrets only in the environment. */
class SecretsCommandTest {

    record Run(int code, String output) {
    }

    static Run alaiDeploy(Map<String, String> env, Path home, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of(Offline.HOME.resolve("alai-deploy").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("BITWARDENCLI_APPDATA_DIR", home.resolve("bw").toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return new Run(p.exitValue(), out);
    }

    static Map<String, String> allExpected() {
        var env = new java.util.HashMap<String, String>();
        for (SecretRef ref : Offline.settings().secrets().expected()) {
            env.put(ref.envName(), "value-of-" + ref.item() + "-7f3a");
        }
        return env;
    }

    @Test
    void inventoryPassesWhenEveryExpectedItemResolvesAndPrintsNoValue(@TempDir Path home) throws Exception {
        Run run = alaiDeploy(allExpected(), home, "secrets", "inventory");
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("bw:github-token#password", "resolves").doesNotContain("7f3a");
    }

    @Test
    void inventoryFailsNamingTheMissingItemAndHowToProvideIt(@TempDir Path home) throws Exception {
        var env = allExpected();
        env.remove(SecretRef.parse("bw:anthropic-api-key#password").envName());
        Run run = alaiDeploy(env, home, "secrets", "inventory");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("bw:anthropic-api-key#password", "MISSING", "ALAI_SECRET_ANTHROPIC_API_KEY_PASSWORD",
                "You are not logged in").doesNotContain("7f3a");
    }

    @Test
    void verifyExportRefusesAFileThatIsNotAnExport(@TempDir Path home) throws Exception {
        Path file = home.resolve("export.json");
        Files.writeString(file, "{\"encrypted\":false,\"items\":[]}");
        Run run = alaiDeploy(Map.of("ALAI_EXPORT_PASSWORD", "pw"), home, "secrets", "verify-export", file.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("not a password-protected export");
    }

    @Test
    void verifyExportWithoutAPasswordSaysWhereToPutIt(@TempDir Path home) throws Exception {
        Path file = home.resolve("export.json");
        Files.writeString(file, "{}");
        Run run = alaiDeploy(Map.of(), home, "secrets", "verify-export", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("ALAI_EXPORT_PASSWORD");
    }
}
