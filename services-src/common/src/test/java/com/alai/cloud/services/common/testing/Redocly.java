package com.alai.cloud.services.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent OpenAPI linter, {@code @redocly/cli} from npm, installed once under the build's root target/ (a
 * fresh clone needs only npm on the PATH) and run with its recommended rules.
 */
final class Redocly {
    static final String PACKAGE = "@redocly/cli@2.77.0";

    record Result(int exitCode, String output) {
    }

    private Redocly() {
    }

    static synchronized Result lint(Path document) throws IOException, InterruptedException {
        Path home = root().resolve("target/redocly");
        Path cli = home.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(cli)) {
            Files.createDirectories(home);
            Result install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(), PACKAGE), home);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("cannot install " + PACKAGE + " with npm (install Node.js 20.19+ and npm):\n"
                        + install.output());
            }
        }
        return run(List.of(cli.toString(), "lint", "--extends", "recommended", "--format", "codeframe", document.toString()),
                home);
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
