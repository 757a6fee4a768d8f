package com.alai.cloud.services.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.testing.PackageCycles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skeleton's packages depend one way: no package reaches itself through another (STYLE_GUIDE.md). */
class PackageCyclesTest {
    @Test
    void thePackagesOfCommonFormNoCycle() throws Exception {
        var packages = PackageCycles.of(Path.of("src/main/java"), "com.alai.cloud.services.common");
        assertThat(packages.uses()).containsKeys("app", "auth", "config", "db", "error", "http", "json", "log");
        assertThat(packages.cycles()).as("dependencies %s", packages.uses()).isEmpty();
    }

    // The base package counts like any other: Main -> cli -> the base's ExitCode is the cycle orchestrator had.
    @Test
    void aCycleThroughTheBasePackageIsFound(@TempDir Path src) throws Exception {
        var base = Files.createDirectories(src.resolve("x/y"));
        Files.createDirectories(base.resolve("cli"));
        Files.writeString(base.resolve("Main.java"), "package x.y;\nimport x.y.cli.Cli;\nclass Main {}");
        Files.writeString(base.resolve("cli/Cli.java"), "package x.y.cli;\nimport x.y.Exit;\nclass Cli {}");
        assertThat(PackageCycles.of(src, "x.y").cycles()).contains(". -> cli -> .");
    }
}
