package com.alai.cloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.testing.PackageCycles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** alai-deploy's packages depend one way (STYLE_GUIDE.md): cli on everything else, nothing back on cli. */
class PackageCyclesTest {
    @Test
    void thePackagesOfTheOrchestratorFormNoCycle() throws Exception {
        var packages = PackageCycles.of(Path.of("src/main/java"), "com.alai.cloud.deploy");
        assertThat(packages.uses()).containsKeys(".", "cli", "engine", "flow", "journal", "local", "plan", "validate");
        assertThat(packages.cycles()).as("dependencies %s", packages.uses()).isEmpty();
    }
}
