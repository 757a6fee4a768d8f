package com.alai.cloud.deploy.local;

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
 * Azurite (npm `azurite`, the real Blob API) for the local environment's backups, with an account key made up for
 * this run, so no key lives in the repository. Its data stays under the state directory.
 */
final class LocalAzurite implements AutoCloseable {
    static final String ACCOUNT = "alailocal";
    static final String CONTAINER = "system-db-backups";
    private final Process process;
    private final String connectionString;

    private LocalAzurite(Process process, String connectionString) {
        this.process = process;
        this.connectionString = connectionString;
    }

    /** Starts it and waits (30 s at most) until the backup container exists. */
    static LocalAzurite start(Path dir) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createDirectories(dir.resolve("azurite"));
        String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        var command = new ProcessBuilder("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
                "--location", data.toString(), "--silent", "--skipApiVersionCheck", "--loose")
                .redirectErrorStream(true).redirectOutput(data.resolve("azurite.log").toFile());
        command.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + key);
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new IOException("azurite-blob is not on the PATH: install it with `npm install -g azurite`", e);
        }
        String cs = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + key
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                BlobStore.withConnectionString(cs, CONTAINER);
                return new LocalAzurite(process, cs);
            } catch (RuntimeException notYetListening) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("Azurite did not start within 30 s; see " + data.resolve("azurite.log"));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
