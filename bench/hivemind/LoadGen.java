import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HiveMind load: publishes at RATE msg/s for SECONDS, alternating between two replicas, while SUBSCRIBERS WebSocket
 * subscribers (half on each replica) receive and ack. Each payload carries the publisher's System.nanoTime (one clock
 * for every process on the machine), so publish→deliver latency is measured end to end. Afterwards every subscriber's
 * offsets are checked against what the API acknowledged (201): missing, duplicated and out-of-order deliveries.
 * Usage: java LoadGen.java URL_A URL_B TOKEN RATE SECONDS SUBSCRIBERS WARMUP_SECONDS
 */
public class LoadGen {
    static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");
    static final Pattern SENT = Pattern.compile("\"t\":\\s*(\\d+)");

    static final class Sub implements WebSocket.Listener {
        final List<long[]> got = new ArrayList<>(); // {offset, latencyNanos}
        final StringBuilder partial = new StringBuilder();
        volatile long last;
        long lastAck;
        long lastAckNanos = System.nanoTime();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
            partial.append(data);
            if (lastPart) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.startsWith("{\"type\":\"message\"")) {
                    long now = System.nanoTime();
                    Matcher o = OFFSET.matcher(frame);
                    Matcher t = SENT.matcher(frame);
                    o.find();
                    t.find();
                    long offset = Long.parseLong(o.group(1));
                    synchronized (got) {
                        got.add(new long[]{offset, now - Long.parseLong(t.group(1))});
                    }
                    last = offset;
                    // Cumulative acks, batched the way a real consumer would: every 20 messages or 50 ms.
                    if (offset - lastAck >= 20 || now - lastAckNanos > 50_000_000L) {
                        ws.sendText("{\"type\":\"ack\",\"offset\":" + offset + "}", true);
                        lastAck = offset;
                        lastAckNanos = now;
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    public static void main(String[] a) throws Exception {
        String[] urls = {a[0], a[1]};
        String token = a[2];
        int rate = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        int subscribers = Integer.parseInt(a[5]);
        int warmup = Integer.parseInt(a[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String topic = "bench-" + System.currentTimeMillis();
        var created = http.send(HttpRequest.newBuilder(URI.create(urls[0] + "/topics"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + topic + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create topic: " + created.body());
        }
        if (warmup > 0) {
            publish(http, urls, token, topic, rate, warmup, ConcurrentHashMap.newKeySet(), new ArrayList<>(), "the warm-up");
        }
        var subs = new ArrayList<Sub>();
        var sockets = new ArrayList<WebSocket>();
        for (int i = 0; i < subscribers; i++) {
            var sub = new Sub();
            // Each subscriber has its own client (its own selector thread), as separate agents would.
            sockets.add(HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(urls[i % 2].replace("http", "ws") + "/topics/" + topic + "/subscribe"), sub)
                    .get(30, TimeUnit.SECONDS));
            subs.add(sub);
        }
        var acked = ConcurrentHashMap.<Long>newKeySet();
        var publishLatency = new ArrayList<Long>();
        long t0 = System.nanoTime();
        long attempted = publish(http, urls, token, topic, rate, seconds, acked, publishLatency, "the measured run");
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        long maxAcked = acked.stream().mapToLong(Long::longValue).max().orElse(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && subs.stream().anyMatch(s -> s.last < maxAcked)) {
            LockSupport.parkNanos(10_000_000L);
        }
        long missing = 0, duplicates = 0, reordered = 0;
        var latencies = new ArrayList<Long>();
        for (Sub s : subs) {
            var seen = new java.util.HashSet<Long>();
            long previous = 0;
            synchronized (s.got) {
                for (long[] g : s.got) {
                    if (!seen.add(g[0])) duplicates++;
                    if (g[0] < previous) reordered++;
                    previous = g[0];
                    latencies.add(g[1]);
                }
            }
            for (long offset : acked) {
                if (!seen.contains(offset)) missing++;
            }
        }
        sockets.forEach(WebSocket::abort);
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] pub = publishLatency.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("published %d/%d acknowledged in %.1f s (%.0f msg/s); publish p50 %.1f ms p99 %.1f ms%n",
                acked.size(), attempted, publishSeconds, acked.size() / publishSeconds, ms(pub, 0.50), ms(pub, 0.99));
        System.out.printf("delivered %d to %d subscribers (expected %d): missing %d, duplicates %d, out of order %d%n",
                lat.length, subscribers, (long) acked.size() * subscribers, missing, duplicates, reordered);
        System.out.printf("publish→deliver latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(lat, 0.50), ms(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        System.exit(missing == 0 && reordered == 0 ? 0 : 1);
    }

    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    /** Paced publishing; returns how many were attempted. Acknowledged offsets and publish latencies are recorded. */
    static long publish(HttpClient http, String[] urls, String token, String topic, int rate, int seconds,
                        java.util.Set<Long> acked, List<Long> latencies, String phase) throws Exception {
        long total = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        var inflight = new ArrayList<CompletableFuture<?>>();
        var errors = new AtomicLong();
        var kinds = new ConcurrentHashMap<String, AtomicLong>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            long sent = System.nanoTime();
            var request = HttpRequest.newBuilder(URI.create(urls[(int) (i % 2)] + "/topics/" + topic + "/messages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":{\"t\":" + sent + ",\"n\":" + i
                            + ",\"body\":\"agent status update\"}}")).build();
            inflight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 201) {
                    Matcher m = OFFSET.matcher(r.body());
                    m.find();
                    acked.add(Long.parseLong(m.group(1)));
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - sent);
                    }
                } else {
                    errors.incrementAndGet();
                    kinds.computeIfAbsent(e == null ? "HTTP " + r.statusCode() : e.getClass().getSimpleName(),
                            k -> new AtomicLong()).incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (errors.get() > 0) {
            System.out.println("publish errors during " + phase + ": " + errors.get() + " " + kinds);
        }
        return total;
    }
}
