package com.alai.cloud.images;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Trains a JDK AOT cache (JDK 25, {@code -XX:AOTCacheOutput}) by running the built (scratch-based) image itself under
 * podman: the same jlink'd runtime, jar paths, file times and JVM flags as production, so the JVM accepts the cache.
 * The service starts against real dependencies, becomes ready, serves the training requests and is stopped; the JVM
 * writes the cache as it exits.
 */
public final class AotTrainer {
    /** What the service needs to start (its environment) and the authenticated GETs that exercise it. */
    public record Training(Map<String, String> env, String token, List<String> paths) {
        public Training {
            env = Map.copyOf(env);
            paths = List.copyOf(paths);
        }
    }

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private final List<String> podman;
    private final Path work;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public AotTrainer(List<String> podman, Path work, Consumer<String> progress) {
        this.podman = List.copyOf(podman);
        this.work = work;
        this.progress = progress;
    }

    /** Trains on the image in {@code imageTar} (built from {@code spec} without a cache); returns the cache file. */
    public Path train(ImageSpec spec, Path imageTar, Training training) {
        try {
            Path out = Files.createDirectories(work.resolve("aot-" + spec.service()));
            // Private to us; podman's :U hands it to the container's user (10001) for the run.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(out.resolve("app.aot"));
            progress.accept(spec.service() + ": AOT training — loading the image into podman …");
            String image = loaded(podman("load", "-i", imageTar.toString()));
            int port = freePort();
            String name = "alai-aot-" + spec.service() + "-" + ProcessHandle.current().pid();
            Path envFile = envFile(training, port);
            var run = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host",
                    "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096", "--env-file", envFile.toString(),
                    "-v", out + ":/aot:U", "--entrypoint", BaseImage.SCRATCH_JAVA, image));
            List<String> command = ServiceImageBuilder.entrypoint(spec, BaseImage.SCRATCH_JAVA, List.of("-XX:AOTCacheOutput=/aot/app.aot"));
            run.addAll(command.subList(1, command.size()));
            try {
                podman(run.toArray(String[]::new));
                exercise(spec, name, port, training);
                progress.accept(spec.service() + ": AOT training — stopping; the JVM writes the cache …");
                podman("stop", "-t", "180", name);
                Path cache = out.resolve("app.aot");
                if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                    throw new ImageException("AOT training of " + spec.service() + " wrote no cache; its log ends: "
                            + tail(podman("logs", name)));
                }
                progress.accept(spec.service() + ": AOT cache " + Files.size(cache) / 1_000_000 + " MB");
                return cache;
            } finally {
                podmanQuietly("rm", "-f", name);
                // The cache-less image was only loaded to be trained on; under vfs each copy costs its full size.
                podmanQuietly("rmi", image);
                Files.deleteIfExists(envFile);
            }
        } catch (IOException e) {
            throw new ImageException("AOT training of " + spec.service() + " failed: " + e.getMessage(), e);
        }
    }

    private void exercise(ImageSpec spec, String name, int port, Training training) {
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        progress.accept(spec.service() + ": AOT training — waiting for /readyz …");
        while (status(base + "/readyz", null) != 200) {
            if (System.nanoTime() > deadline || !podman("inspect", "-f", "{{.State.Running}}", name).strip().equals("true")) {
                throw new ImageException(spec.service() + " stopped or was not ready within " + READY_WITHIN.toSeconds()
                        + " s of AOT training; its log ends: " + tail(podman("logs", name)));
            }
            sleep(200);
        }
        for (int round = 0; round < 5; round++) {
            status(base + "/healthz", null);
            for (String path : training.paths()) {
                int status = status(base + path, training.token());
                if (round == 0) {
                    progress.accept(spec.service() + ": AOT training — GET " + path + " → " + status);
                }
            }
        }
    }

    private int status(String url, String token) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("interrupted during AOT training", e);
        }
    }

    // An env file rather than -e: the values (a database URL may hold a password) stay out of the process list.
    private Path envFile(Training training, int port) throws IOException {
        Path file = Files.createTempFile(work, "aot", ".env", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        var lines = new StringBuilder("PORT=").append(port).append('\n');
        training.env().forEach((k, v) -> {
            if (v.contains("\n")) {
                throw new ImageException("training environment " + k + " holds a line break");
            }
            lines.append(k).append('=').append(v).append('\n');
        });
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The image name `podman load` reports. */
    public static String loaded(String loadOutput) {
        return loadOutput.lines().filter(l -> l.startsWith("Loaded image")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .map(l -> l.split(",")[0].strip()).reduce((a, b) -> b)
                .orElseThrow(() -> new ImageException("podman load printed no image name: " + tail(loadOutput)));
    }

    private String podman(String... args) {
        var command = new ArrayList<>(podman);
        command.addAll(List.of(args));
        return Processes.run(command);
    }

    private void podmanQuietly(String... args) {
        try {
            podman(args);
        } catch (ImageException ignored) {
            // Cleaning up after a failure that is already being reported.
        }
    }

    private static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("interrupted during AOT training", e);
        }
    }
}
