package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Pulumi CLI and Java language host (built from their Go modules by tests/pulumi/build-engine.sh), on a
 * local file backend with a passphrase, in a home of its own: nothing touches ~/.pulumi. The azure-native plugin
 * cannot be had here and automatic plugin downloads are off, so a program runs up to its first Azure resource.
 */
final class RealPulumi {
    /** Linked by the build script; the tests' PATH starts here (tests/pom.xml). */
    static final Path BIN = Path.of("target", "pulumi-bin").toAbsolutePath();
    static final String PASSPHRASE = "engine-test-passphrase";
    private static boolean built;

    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private final Path state;
    private final Path home;

    RealPulumi(Path dir) {
        ensureBuilt();
        this.state = dir.resolve("state");
        this.home = dir.resolve("pulumi-home");
        try {
            Files.createDirectories(state);
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds (or finds cached) the engine once per test JVM; the first build on a machine takes minutes. */
    static synchronized void ensureBuilt() {
        if (built) {
            return;
        }
        Result result = exec(Offline.HOME, Map.of(), 3600, Offline.HOME.resolve("tests/pulumi/build-engine.sh").toString(),
                BIN.toString());
        assertThat(result.exitCode()).as("tests/pulumi/build-engine.sh failed:%n%s", result.stderr()).isZero();
        built = true;
    }

    /** The environment every command here runs with, as an operator's shell would set it. */
    Map<String, String> environment() {
        var env = new HashMap<String, String>();
        env.put("PATH", BIN + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("PULUMI_HOME", home.toString());
        env.put("PULUMI_BACKEND_URL", "file://" + state);
        env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("JAVA_TOOL_OPTIONS", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
        return env;
    }

    Path state() {
        return state;
    }

    /** Runs {@code pulumi ARGS} in {@code projectDir} with {@link #environment()} plus {@code extra}. */
    Result pulumi(Path projectDir, Map<String, String> extra, String... args) {
        var env = environment();
        env.putAll(extra);
        var command = new ArrayList<String>();
        command.add(BIN.resolve("pulumi").toString());
        command.addAll(List.of(args));
        return exec(projectDir, env, 600, command.toArray(String[]::new));
    }

    Result pulumi(Path projectDir, String... args) {
        return pulumi(projectDir, Map.of(), args);
    }

    static Result exec(Path dir, Map<String, String> env, int timeoutSeconds, String... command) {
        try {
            Path out = Files.createTempFile("cmd", ".out");
            Path err = Files.createTempFile("cmd", ".err");
            var builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (!env.isEmpty()) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            var result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
