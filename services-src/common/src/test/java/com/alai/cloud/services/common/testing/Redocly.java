package com.alai.cloud.services.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent OpenAPI linter, {@code @redocly/cli} pinned in tools/package.json, run with its recommended rules.
 * ./verify puts it on the PATH; a test run straight from Maven without it installs it the same way (tools/install).
 */
final class Redocly {
    record Result(int exitCode, String output) {
    }

    private Redocly() {
    }

    static synchronized Result lint(Path document) throws IOException, InterruptedException {
        Path dir = document.toAbsolutePath().getParent();
        return run(List.of(command(), "lint", "--extends", "recommended", "--format", "codeframe", document.toString()), dir);
    }

    private static String command() throws IOException, InterruptedException {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "redocly"))) {
                return Path.of(entry, "redocly").toString();
            }
        }
        Path install = root().resolve("tools/install");
        Result installed = run(List.of(install.toString()), root());
        if (installed.exitCode() != 0) {
            throw new IllegalStateException("redocly is not on the PATH and " + install + " failed (run ./verify, or"
                    + " install Node.js 20.19+ and npm):\n" + installed.output());
        }
        String[] lines = installed.output().strip().split("\n");
        return Path.of(lines[lines.length - 1].strip(), "redocly").toString();
    }

    private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not on the PATH: install Node.js 20.19+ and npm", e);
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    // The repository's root (where mvnw is), so every module shares one install.
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
