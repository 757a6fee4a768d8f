package com.alai.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command shares: help with examples and exit codes, usage errors, the config file, completion. */
class CliTest {
    @TempDir
    Path home;

    @Test
    void helpListsTheCommandsExamplesAndEveryExitCode() {
        Alai.Run help = new Alai(home).run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("login", "logout", "auth", "token", "mc", "hive", "completion", "Examples:",
                "Exit codes:", "0  success", "2  bad usage", "3  what was asked for does not exist",
                "4  authentication required", "5  a service did not answer", "NO_COLOR");
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        Alai.Run version = new Alai(home).run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("alai 0.1.0-SNAPSHOT");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithExit2() {
        assertThat(new Alai(home).run("frobnicate").exit()).isEqualTo(2);
        Alai.Run bad = new Alai(home).run("mc", "list", "--limit", "0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit must be 1 to 500");
        assertThat(new Alai(home).run("mc", "list", "--status", "sleeping").err()).contains("must be one of [open, in_progress");
    }

    @Test
    void aMalformedConfigFileIsAUsageErrorNamingTheFile() throws Exception {
        Path config = Files.createDirectories(home.resolve("config/alai")).resolve("config.yaml");
        Files.writeString(config, "profiles:\n  work:\n    isuer: typo\n");
        Alai.Run run = new Alai(home).run("--profile", "work", "token");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(config.toString(), "not a valid alai config file", "isuer");
    }

    @Test
    void anInsecureApiUrlIsRefused() {
        var alai = new Alai(home);
        alai.env.put("ALAI_MC_URL", "http://mc.example.com");
        Alai.Run run = alai.run("mc", "list");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("must be https://");
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        Alai.Run completion = new Alai(home).run("completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).contains("complete -F", "_picocli_alai", "login", "mc", "watch");
    }
}
