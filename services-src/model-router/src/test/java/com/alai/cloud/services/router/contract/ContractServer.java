package com.alai.cloud.services.router.contract;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model provider's HTTP/1.1 server on 127.0.0.1, written on a plain socket so that every byte, and every fault, is
 * the test's to choose: the provider's own framing (chunked NDJSON or SSE, as Go's net/http and the hosted APIs send
 * it), a refused connection (the listener closed), a hang before the first byte, a stream cut mid-way (socket
 * closed without the last chunk), a 5xx or 429. Subclasses speak one provider's documented wire format.
 */
public abstract class ContractServer implements AutoCloseable {

    /** What the next requests meet; one fault applies to every path until changed. */
    public sealed interface Fault {
        record None() implements Fault { }

        /** Reads the request and never answers (until the server stops). */
        record Hang() implements Fault { }

        /** Sends the headers and this many body chunks, then closes the socket without the terminating chunk. */
        record CutAfter(int chunks) implements Fault { }

        /** Answers with this status and the provider's error body; {@code retryAfter} null for none. */
        record Status(int code, String retryAfter) implements Fault { }
    }

    public static final Fault NONE = new Fault.None();
    public static final Fault HANG = new Fault.Hang();

    public record Received(String method, String path, Map<String, String> headers, String body) { }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Fault fault = NONE;
    private volatile ServerSocket listener;
    private volatile int port;

    /** Listens on a free port of 127.0.0.1. */
    public ContractServer start() {
        return start(0);
    }

    public synchronized ContractServer start(int wanted) {
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            listener = socket;
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + wanted, e);
        }
        ServerSocket accepting = listener;
        Thread.ofVirtual().name("contract-accept-" + port).start(() -> accept(accepting));
        return this;
    }

    /** Stops listening and drops every connection: from now on a connection is refused. */
    public synchronized void stop() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // Closing a closed listener is fine.
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Listens again on the same port, as a restarted provider would. */
    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void fault(Fault next) {
        this.fault = next;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Answers one request that passed the fault; the exchange offers the framing helpers. */
    protected abstract void answer(Received request, Exchange exchange) throws IOException;

    /** The provider's error body for a status it returns. */
    protected abstract String errorBody(int status, String message);

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(socket, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    // A connection accepted as the listener closed, or kept alive across a stop, is dropped before each request: a
    // stopped provider answers nothing, whatever a client's pool holds.
    private void serve(ServerSocket accepted, Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            var in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                Received request = read(in);
                if (request == null || accepted.isClosed()) {
                    return;
                }
                received.add(request);
                var exchange = new Exchange(out);
                Fault now = fault;
                switch (now) {
                    case Fault.Hang h -> {
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    case Fault.Status s -> {
                        var headers = new LinkedHashMap<String, String>();
                        if (s.retryAfter() != null) {
                            headers.put("Retry-After", s.retryAfter());
                        }
                        exchange.json(s.code(), errorBody(s.code(), "scripted failure " + s.code()), headers);
                    }
                    case Fault.CutAfter c -> {
                        exchange.cutAfter = c.chunks();
                        answer(request, exchange);
                    }
                    case Fault.None n -> answer(request, exchange);
                }
                if (exchange.cut) {
                    return;
                }
            }
        } catch (IOException gone) {
            // The client went away or the server stopped.
        } finally {
            open.remove(client);
        }
    }

    private static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        var headers = new LinkedHashMap<String, String>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String target = parts.length > 1 ? parts[1] : "/";
        int q = target.indexOf('?');
        return new Received(parts[0], q < 0 ? target : target.substring(0, q), headers, body);
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return b == -1 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** The framing of one response: a complete JSON body, or a chunked stream flushed chunk by chunk. */
    public static final class Exchange {
        private final OutputStream out;
        private int cutAfter = -1;
        private int sent;
        private boolean cut;

        Exchange(OutputStream out) {
            this.out = out;
        }

        public void json(int status, String body, Map<String, String> extra) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder(statusLine(status))
                    .append("Content-Type: application/json; charset=utf-8\r\n")
                    .append("Date: ").append(date()).append("\r\n")
                    .append("Content-Length: ").append(bytes.length).append("\r\n");
            extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }

        public void startChunked(String contentType) throws IOException {
            String head = statusLine(200) + "Content-Type: " + contentType + "\r\nDate: " + date()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** One chunk, flushed; under a cut fault, the socket closes once the scripted number has gone. */
        public void chunk(String text) throws IOException {
            if (cut) {
                return;
            }
            if (cutAfter >= 0 && sent == cutAfter) {
                cut = true;
                out.flush();
                throw new SocketException("scripted cut");
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            sent++;
        }

        public void endChunked() throws IOException {
            if (!cut) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        private static String statusLine(int status) {
            return "HTTP/1.1 " + status + " " + reason(status) + "\r\n";
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }

        private static String date() {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        }
    }

    /** Whitespace-separated words: the fixtures' token count, stable and easy to check by hand. */
    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static List<String> tokens(String reply) {
        var out = new ArrayList<String>();
        for (String w : reply.split("(?<= )")) {
            out.add(w);
        }
        return out;
    }
}
