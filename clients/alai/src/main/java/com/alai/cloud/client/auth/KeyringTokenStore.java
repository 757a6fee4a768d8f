package com.alai.cloud.client.auth;

import com.alai.cloud.client.error.AlaiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS keyring through its own command-line tool, so no native library is linked: {@code secret-tool} (libsecret:
 * GNOME Keyring, KWallet) on Linux, {@code security} (the login keychain) on macOS. A secret goes in on standard
 * input, never in the arguments another user's {@code ps} could show.
 */
final class KeyringTokenStore implements TokenStore {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final String SERVICE = "alai";

    private record Result(int exit, String out, String err) {
    }

    private final boolean mac;
    private final String tool;

    private KeyringTokenStore(boolean mac, String tool) {
        this.mac = mac;
        this.tool = tool;
    }

    /**
     * The keyring of this OS if its tool is on {@code path} and answers a lookup within 3 s; empty when the tool is
     * missing, fails (no D-Bus session, a locked keychain) or hangs.
     */
    static Optional<KeyringTokenStore> probe(String path) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        Optional<String> tool = onPath(mac ? "security" : "secret-tool", path);
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        var store = new KeyringTokenStore(mac, tool.get());
        Result r = store.run(mac ? List.of("find-generic-password", "-s", SERVICE + "-probe", "-a", "probe")
                : List.of("lookup", "service", SERVICE + "-probe", "account", "probe"), null);
        boolean answers = r != null && (mac ? r.exit == 0 || r.exit == 44 : r.exit == 0 || r.exit == 1 && r.err.isBlank());
        return answers ? Optional.of(store) : Optional.empty();
    }

    @Override
    public Optional<String> read(String profile) {
        Result r = run(mac ? List.of("find-generic-password", "-s", SERVICE, "-a", profile, "-w")
                : List.of("lookup", "service", SERVICE, "account", profile), null);
        if (r == null) {
            throw AlaiException.failed("the OS keyring stopped answering; try again, or `alai logout` and log in without it (ALAI_KEYRING=off)");
        }
        return r.exit == 0 && !r.out.isBlank() ? Optional.of(r.out.strip()) : Optional.empty();
    }

    @Override
    public void write(String profile, String json) {
        Result r = mac
                ? run(List.of("-i"), "add-generic-password -U -s " + SERVICE + " -a " + profile + " -l alai-" + profile
                        + " -X " + HexFormat.of().formatHex(json.getBytes(StandardCharsets.UTF_8)) + "\n")
                : run(List.of("store", "--label=alai " + profile, "service", SERVICE, "account", profile), json);
        if (r == null || r.exit != 0) {
            throw AlaiException.failed("the OS keyring refused the tokens" + (r == null ? " (no answer)" : ": " + r.err.strip()));
        }
    }

    @Override
    public boolean delete(String profile) {
        boolean had = read(profile).isPresent();
        run(mac ? List.of("delete-generic-password", "-s", SERVICE, "-a", profile)
                : List.of("clear", "service", SERVICE, "account", profile), null);
        return had;
    }

    @Override
    public String describe(String profile) {
        return mac ? "the macOS keychain (service alai, account " + profile + ")"
                : "the OS keyring via secret-tool (service alai, account " + profile + ")";
    }

    private static Optional<String> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, name);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private Result run(List<String> args, String stdin) {
        var command = new java.util.ArrayList<String>();
        command.add(tool);
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
