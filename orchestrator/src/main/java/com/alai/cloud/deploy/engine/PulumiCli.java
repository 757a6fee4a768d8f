package com.alai.cloud.deploy.engine;

import com.alai.cloud.deploy.UsageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the Pulumi CLI; only up, refresh and rollback need it. */
public final class PulumiCli {
    public static final String INSTALL = "install the Pulumi CLI (>= 3.95): curl -fsSL https://get.pulumi.com | sh";

    private PulumiCli() {
    }

    public static Optional<Path> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "pulumi");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The CLI on PATH, or a usage error (exit 2) saying how to install it. */
    public static Path require() {
        return find(System.getenv("PATH")).orElseThrow(() ->
                new UsageException("the Pulumi CLI is not on PATH; " + INSTALL));
    }
}
