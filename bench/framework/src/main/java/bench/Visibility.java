package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;

/**
 * Time from a POST /tasks 201 to the row being visible on another database connection. Usage:
 * Visibility MC_URL TOKEN JDBC_URL COUNT — prints "p50_ms p99_ms max_ms".
 */
public final class Visibility {
    public static void main(String[] args) throws Exception {
        var http = HttpClient.newHttpClient();
        var latencies = new ArrayList<Double>();
        try (Connection db = DriverManager.getConnection(args[2]);
             PreparedStatement ps = db.prepareStatement("SELECT 1 FROM tasks WHERE id = ?")) {
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                var response = http.send(HttpRequest.newBuilder(URI.create(args[0] + "/tasks"))
                        .header("Authorization", "Bearer " + args[1]).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"visibility " + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long t0 = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("POST answered " + response.statusCode());
                }
                long id = Long.parseLong(response.body().replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
                while (true) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            break;
                        }
                    }
                }
                latencies.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(latencies);
        System.out.printf("%.2f %.2f %.2f%n", latencies.get(latencies.size() / 2),
                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), latencies.get(latencies.size() - 1));
    }
}
