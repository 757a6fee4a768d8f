package com.alai.cloud.tests;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Pulumi project directory for {@link EngineTestProgram}, named like the real one so its stacks (dev, dev-phase2)
 * go through the orchestrator's phase flows. The program is a manifest-only jar whose Class-Path is this test JVM's
 * class path, so the Java language host runs it with `java -jar` as it runs alai-stacks.jar.
 */
final class EngineTestProject {
    static final String PULUMI_YAML = """
            name: alai-cloud
            runtime:
              name: java
              options:
                binary: program.jar
            config:
              greeting:
                type: string
              holdFile:
                type: string
                default: ""
            """;

    private EngineTestProject() {
    }

    static Path create(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Pulumi.yaml"), PULUMI_YAML);
            var manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EngineTestProgram.class.getName());
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
                    .split(File.pathSeparator)).map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                    .collect(Collectors.joining(" ")));
            try (OutputStream out = Files.newOutputStream(dir.resolve("program.jar"));
                 var jar = new JarOutputStream(out, manifest)) {
                jar.flush();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a stack's settings file: {@code greeting} and a passphrase-encrypted {@code token} are set by the engine. */
    static void configure(RealPulumi pulumi, Path dir, String stack, String greeting) {
        RealPulumi.Result init = pulumi.pulumi(dir, "stack", "select", "--create", stack);
        if (init.exitCode() != 0) {
            throw new AssertionError(init.all());
        }
        for (String[] args : new String[][] {{"config", "set", "-s", stack, "greeting", greeting},
                {"config", "set", "-s", stack, "--secret", "token", "token-" + stack + "-value"}}) {
            RealPulumi.Result set = pulumi.pulumi(dir, args);
            if (set.exitCode() != 0) {
                throw new AssertionError(set.all());
            }
        }
    }
}
