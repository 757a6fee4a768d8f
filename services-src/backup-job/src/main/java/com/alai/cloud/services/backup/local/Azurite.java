package com.alai.cloud.services.backup.local;

import com.alai.cloud.services.backup.BackupConfig;
import com.alai.cloud.services.backup.BlobStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Azurite (npm {@code azurite}, the real Blob API) on 127.0.0.1, for the local environment's backups and the
 * backup tests. Its account key is made up for each run (AZURITE_ACCOUNTS), so no key lives in the repository.
 */
public final class Azurite implements AutoCloseable {
    static final String COMMAND = "azurite-blob";
    private final Process process;
    private final String accountKey;
    private final String connectionString;

    private Azurite(Process process, String accountKey, String connectionString) {
        this.process = process;
        this.accountKey = accountKey;
        this.connectionString = connectionString;
    }

    /**
     * Starts it with its data and log under {@code dir}/azurite and waits (30 s at most) until it answers, with the
     * backup job's default container created.
     */
    public static Azurite start(Path dir, String account) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createDirectories(dir.resolve("azurite"));
        String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        var command = new ProcessBuilder(command(), "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
                "--location", data.toString(), "--silent", "--skipApiVersionCheck", "--loose")
                .redirectErrorStream(true).redirectOutput(data.resolve("azurite.log").toFile());
        command.environment().put("AZURITE_ACCOUNTS", account + ":" + key);
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new IOException(COMMAND + " is not on the PATH: run ./verify once (it installs the pinned tools under"
                    + " ~/.cache/alai-cloud/tools) or `npm install -g azurite`", e);
        }
        String cs = "DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" + key
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + account + ";";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                BlobStore.withConnectionString(cs, BackupConfig.DEFAULT_CONTAINER);
                return new Azurite(process, key, cs);
            } catch (RuntimeException notYetListening) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("Azurite did not start within 30 s; see " + data.resolve("azurite.log"));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    // On the PATH, else where ./verify (tools/install) puts the pinned npm tools.
    private static String command() {
        Path cached = Path.of(System.getProperty("user.home"), ".cache/alai-cloud/tools/node_modules/.bin", COMMAND);
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, COMMAND))) {
                return COMMAND;
            }
        }
        return Files.isExecutable(cached) ? cached.toString() : COMMAND;
    }

    public String connectionString() {
        return connectionString;
    }

    /** The key made up for this run, so a test can check that it reaches no log or config text. */
    public String accountKey() {
        return accountKey;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
