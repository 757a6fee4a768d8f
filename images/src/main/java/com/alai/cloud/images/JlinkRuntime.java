package com.alai.cloud.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * A Java runtime of only the modules a service needs (jdeps over its jar and libs, plus the few loaded reflectively),
 * built with jlink from the JDK running this tool, and cached by module set and JDK version.
 */
public final class JlinkRuntime {
    /**
     * Loaded by reflection or by the JVM itself, so jdeps cannot see them. Not jdk.localedata (10 MB): the services
     * format and parse in ISO-8601 and English only, which java.base's own locale data covers.
     */
    static final List<String> ALWAYS = List.of("jdk.unsupported", "jdk.crypto.cryptoki", "jdk.zipfs");

    static final String FALLBACK = "java.base,java.logging,java.management,java.naming,java.net.http,"
            + "java.security.jgss,java.sql,java.xml,jdk.httpserver";

    private final Path jdk;
    private final Path cache;

    public JlinkRuntime(Path jdk, Path cache) {
        this.jdk = jdk;
        this.cache = cache;
    }

    public static Path currentJdk() {
        return Path.of(System.getProperty("java.home"));
    }

    public Path build(ImageSpec spec) {
        var modules = new TreeSet<String>(List.of(modules(spec).split(",")));
        for (String extra : ALWAYS) {
            if (Files.isRegularFile(jdk.resolve("jmods").resolve(extra + ".jmod")) || hasModule(extra)) {
                modules.add(extra);
            }
        }
        String key = hash(String.join(",", modules) + "@" + Runtime.version());
        Path out = cache.resolve("runtime-" + key);
        if (Files.isExecutable(out.resolve("bin/java"))) {
            return out;
        }
        try {
            Files.createDirectories(cache);
            Path temp = Files.createTempDirectory(cache, "jlink");
            Files.delete(temp);
            Processes.run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", modules),
                    "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-6", "--output", temp.toString()));
            Files.move(temp, out);
            return out;
        } catch (IOException e) {
            throw new ImageException("cannot create the runtime in " + cache + ": " + e.getMessage(), e);
        }
    }

    // jdeps takes seconds a service; its answer depends only on the jars' bytes, so it is kept by their digest and a
    // one-line change re-runs it for the changed service alone.
    private String modules(ImageSpec spec) {
        List<Path> jars = new ArrayList<>(List.of(spec.jar()));
        try (var libs = Files.list(spec.libDir())) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
            throw new ImageException("cannot list " + spec.libDir(), e);
        }
        try {
            Path answer = cache.resolve("jdeps-" + digest(jars) + ".txt");
            if (Files.isRegularFile(answer)) {
                return Files.readString(answer, StandardCharsets.UTF_8).strip();
            }
            String modules = jdeps(spec);
            if (modules != null) {
                Files.createDirectories(cache);
                Path temp = Files.createTempFile(cache, "jdeps", ".tmp");
                Files.writeString(temp, modules, StandardCharsets.UTF_8);
                Files.move(temp, answer, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return modules;
            }
            // jdeps gave up (it does on some modular jars, e.g. azure-core naming reactor.core): a broad, known-good
            // set, not kept, so the next build asks jdeps again.
            return FALLBACK;
        } catch (IOException e) {
            throw new ImageException("cannot keep the jdeps answer in " + cache + ": " + e.getMessage(), e);
        }
    }

    private static String digest(List<Path> jars) throws IOException {
        var parts = new ArrayList<byte[]>(List.of(Runtime.version().toString().getBytes(StandardCharsets.UTF_8)));
        for (Path jar : jars) {
            parts.add(jar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            parts.add(Files.readAllBytes(jar));
        }
        return sha256(12, parts);
    }

    /** The modules jdeps names, or null when it gave up or printed something else. */
    private String jdeps(ImageSpec spec) {
        var command = new ArrayList<>(List.of(jdk.resolve("bin/jdeps").toString(), "--print-module-deps",
                "--ignore-missing-deps", "--multi-release", Integer.toString(Runtime.version().feature()),
                "--class-path", spec.libDir() + "/*", spec.jar().toString()));
        try (var libs = Files.list(spec.libDir())) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> command.add(p.toString()));
        } catch (IOException e) {
            throw new ImageException("cannot list " + spec.libDir(), e);
        }
        String out;
        try {
            out = Processes.run(command).strip();
        } catch (ImageException e) {
            return null;
        }
        String last = out.lines().reduce((a, b) -> b).orElse("");
        return last.matches("[a-z0-9.]+(,[a-z0-9.]+)*") ? last : null;
    }

    private static boolean hasModule(String name) {
        return ModuleLayer.boot().findModule(name).isPresent()
                || java.lang.module.ModuleFinder.ofSystem().find(name).isPresent();
    }

    private static String hash(String text) {
        return sha256(6, List.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code parts}, in hex. */
    private static String sha256(int bytes, List<byte[]> parts) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            parts.forEach(sha::update);
            return HexFormat.of().formatHex(sha.digest(), 0, bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
