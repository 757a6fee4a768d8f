package com.alai.cloud.deploy.local;

import com.alai.cloud.deploy.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Starts and stops the local environment of a stack as one background process, and nothing else. */
public final class LocalEnvironment {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path stateDir;
    private final Consumer<String> progress;

    public LocalEnvironment(Path stateDir, Consumer<String> progress) {
        this.stateDir = stateDir;
        this.progress = progress;
    }

    public LocalState up(String stack) throws IOException, InterruptedException {
        Path stateFile = LocalState.file(stateDir, stack);
        var existing = LocalState.read(stateFile);
        if (existing.isPresent() && existing.get().alive()) {
            progress.accept("already running (pid " + existing.get().pid() + ")");
            return existing.get();
        }
        Files.deleteIfExists(stateFile);
        Path log = stateFile.resolveSibling(stack + ".log");
        Files.createDirectories(stateFile.getParent());
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalDaemon.class.getName());
        command.add(stack);
        command.add(stateFile.toString());
        Process daemon = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        progress.accept("starting PostgreSQL, the sample migration, a local OIDC issuer, mc-api and hivemind-api (log: " + log + ") …");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var state = LocalState.read(stateFile);
            if (state.isPresent()) {
                return state.get();
            }
            if (!daemon.isAlive()) {
                throw new UsageException("the local environment failed to start (exit " + daemon.exitValue() + "); last log lines:\n"
                        + tail(log));
            }
            Thread.sleep(200);
        }
        daemon.destroy();
        throw new UsageException("the local environment did not become ready in " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** Stops exactly the process `up` started (and, through its shutdown hook, PostgreSQL and the services). */
    public boolean down(String stack) throws IOException {
        Path stateFile = LocalState.file(stateDir, stack);
        var state = LocalState.read(stateFile);
        if (state.isEmpty()) {
            return false;
        }
        ProcessHandle.of(state.get().pid()).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        Files.deleteIfExists(stateFile);
        return true;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
