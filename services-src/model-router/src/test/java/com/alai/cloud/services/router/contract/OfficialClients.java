package com.alai.cloud.services.router.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The providers' own JavaScript clients (npm {@code ollama}, {@code openai}), installed once under the build's root
 * target/, run against a URL: the proof that a fixture, or the router, speaks what real callers parse.
 */
public final class OfficialClients {
    static final List<String> PACKAGES = List.of("ollama@0.6.4", "openai@5.23.2");

    private OfficialClients() {
    }

    /** Runs {@code client.mjs KIND URL MODEL [KEY]}; its one JSON line of output. */
    public static synchronized JsonNode run(String kind, String url, String model, String key) throws Exception {
        Path home = root().resolve("target/model-router-clients");
        if (!Files.isDirectory(home.resolve("node_modules/openai"))) {
            Files.createDirectories(home);
            var install = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString()));
            install.addAll(PACKAGES);
            String out = exec(install, home);
            if (!Files.isDirectory(home.resolve("node_modules/openai"))) {
                throw new IllegalStateException("cannot install " + PACKAGES + " with npm:\n" + out);
            }
        }
        Path script = home.resolve("client.mjs");
        try (InputStream in = OfficialClients.class.getResourceAsStream("/model-router-clients/client.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        String out = exec(List.of("node", script.toString(), kind, url, model, key == null ? "" : key), home);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        try {
            return new ObjectMapper().readTree(last);
        } catch (IOException e) {
            throw new AssertionError("the client printed no JSON:\n" + out);
        }
    }

    private static String exec(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return out;
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
