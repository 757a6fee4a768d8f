package com.alai.cloud.services.runner.runtime.claude;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code CLI at the version the image pins (agent-runner/claude-code.version), installed once by npm
 * under ~/.cache/alai-cloud/tools and reused by every later build, test and `local up`. The image installs the same
 * version at build time instead.
 */
public final class ClaudeCli {
    private ClaudeCli() {
    }

    public static String version() throws IOException {
        try (InputStream in = ClaudeCli.class.getResourceAsStream("/agent-runner/claude-code.version")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    public static synchronized Path install() throws Exception {
        String version = version();
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "alai-cloud", "tools", "claude-code-" + version);
        Path bin = dir.resolve("node_modules/.bin/claude");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Files.createDirectories(dir);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                "@anthropic-ai/claude-code@" + version).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(bin)) {
            throw new IllegalStateException("npm could not install @anthropic-ai/claude-code@" + version + ":\n" + output);
        }
        return bin;
    }
}
