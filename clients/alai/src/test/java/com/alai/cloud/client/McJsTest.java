package com.alai.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** clients/mc-js, the module ANVIL's mc.js requires: its `node --test` suite against the real mc-api. */
class McJsTest {
    @Test
    void theNodeModulePassesItsTestsAgainstTheRealMcApi() throws Exception {
        Path module = Path.of("..", "mc-js").toAbsolutePath().normalize();
        var builder = new ProcessBuilder("node", "--test", "test" + File.separator)
                .directory(module.toFile()).redirectErrorStream(true);
        builder.environment().put("ALAI_MC_URL", Cloud.INSTANCE.mcUrl());
        builder.environment().put("ALAI_TOKEN", Cloud.INSTANCE.serviceToken());
        builder.environment().remove("NODE_OPTIONS");
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass (1[0-9]|[2-9][0-9])");
    }
}
