package com.alai.cloud.services.router.proxy;

import com.alai.cloud.services.router.route.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One call to a backend, up to its first line of body, within the first-byte timeout. What it can end in decides
 * fallback, and nothing has been sent to the caller yet in any of them: {@link Failed} (refused, timed out, 5xx or
 * 429: the next route may serve), {@link Rejected} (another 4xx: the backend's answer, or the next route's for a
 * model it does not have), {@link Opened} (the first line is in: the call is committed to this backend).
 */
public final class Upstream implements AutoCloseable {

    public sealed interface Outcome {
    }

    public record Failed(Backend backend, String reason) implements Outcome {
    }

    public record Rejected(Backend backend, int status, String contentType, byte[] body) implements Outcome {
    }

    public record Opened(Backend backend, String contentType, byte[] first, LineReader rest) implements Outcome {
        /** The remaining lines; null at the end. */
        public byte[] next() throws IOException {
            return rest.next();
        }
    }

    private static final int MAX_ERROR_BODY = 64 * 1024;
    private final Function<Backend, HttpClient> clients;
    private final Duration firstByte;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public Upstream(Function<Backend, HttpClient> clients, Duration firstByte) {
        this.clients = clients;
        this.firstByte = firstByte;
    }

    public Outcome post(Backend backend, String path, byte[] body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(backend.resolve(path)).timeout(firstByte)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return send(backend, builder.build());
    }

    public Outcome get(Backend backend, String path) {
        return send(backend, HttpRequest.newBuilder(backend.resolve(path)).timeout(firstByte).GET().build());
    }

    private Outcome send(Backend backend, HttpRequest request) {
        var stream = new AtomicReference<InputStream>();
        Future<Outcome> call = threads.submit(() -> {
            HttpResponse<InputStream> response = clients.apply(backend).send(request, HttpResponse.BodyHandlers.ofInputStream());
            stream.set(response.body());
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                try (InputStream in = response.body()) {
                    in.readNBytes(MAX_ERROR_BODY);
                }
                return new Failed(backend, "status " + status);
            }
            if (status >= 300) {
                try (InputStream in = response.body()) {
                    return new Rejected(backend, status, type, in.readNBytes(MAX_ERROR_BODY));
                }
            }
            var lines = new LineReader(response.body());
            byte[] first = lines.next();
            if (first == null) {
                lines.close();
                return new Failed(backend, "empty body");
            }
            return new Opened(backend, type, first, lines);
        });
        try {
            return call.get(firstByte.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            closeQuietly(stream.get());
            return new Failed(backend, "no first byte within " + firstByte.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            closeQuietly(stream.get());
            return new Failed(backend, "interrupted");
        } catch (ExecutionException e) {
            return new Failed(backend, reason(e.getCause()));
        }
    }

    private String reason(Throwable error) {
        return switch (error) {
            case HttpConnectTimeoutException t -> "connect timeout";
            case HttpTimeoutException t -> "no first byte within " + firstByte.toMillis() + " ms";
            case ConnectException c -> "connection refused";
            case IOException io -> "I/O error: " + Optional.ofNullable(io.getMessage()).orElse(io.getClass().getSimpleName());
            default -> error.getClass().getSimpleName();
        };
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // The backend is being abandoned.
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
