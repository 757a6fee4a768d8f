package bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

public final class JdkMain {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var db = new Db();
        var server = HttpServer.create(new InetSocketAddress(Db.port()), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/healthz", exchange -> send(exchange, 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/readyz", exchange -> send(exchange, db.ready() ? 200 : 503, "{}".getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/tasks", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            send(exchange, 200, db.tasks(q != null && q.startsWith("cursor=") ? q.substring(7) : null));
        });
        server.start();
        db.open();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
