package com.alai.cloud.client.cli;

import com.alai.cloud.client.auth.Browser;
import com.alai.cloud.client.config.Environment;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;

/**
 * The workload the launcher's class-data cache (CDS archive or JDK 25 AOT cache) is recorded on: the short commands
 * a person runs most, in one JVM, against a throwaway file and a throwaway local HTTP server, printing nothing.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("alai-training");
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            byte[] body = "{\"items\":[{\"id\":1,\"title\":\"t\",\"status\":\"open\",\"tags\":[],\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"archived\":false,\"version\":1,\"extra\":{}}],\"nextCursor\":null}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            Path db = dir.resolve("mission-control.db");
            SampleMissionControlDb.write(db, 50, 5, 1);
            Map<String, String> base = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                    "ALAI_MC_DB", db.toString(), "ALAI_TOKEN", "training");
            run(base, "--version");
            run(base, "--help");
            run(base, "mc", "list");
            run(base, "mc", "list", "--json");
            var remote = new java.util.HashMap<>(base);
            remote.put("ALAI_MC_URL", "http://127.0.0.1:" + api.getAddress().getPort());
            run(remote, "mc", "list");
            run(remote, "mc", "list", "--json");
        } finally {
            api.stop(0);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Map<String, String> env, String... args) {
        var sink = new PrintWriter(new StringWriter());
        Main.run(args, new Context(new Environment(env, Clock.systemUTC()), sink, sink, url -> false, false));
    }
}
