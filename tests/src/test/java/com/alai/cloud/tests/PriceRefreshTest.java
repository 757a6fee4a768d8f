package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.alai.cloud.policy.cost.PriceRefresher;
import com.alai.cloud.policy.cost.PriceTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `prices refresh` against a local HTTP server answering with recorded Retail Prices API pages (the API's own JSON
 * shape, including a second page behind NextPageLink and a volume tier that must be skipped).
 */
class PriceRefreshTest {
    HttpServer server;
    String base;
    final List<String> queries = new ArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/retail/prices", exchange -> {
            String query = URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
            queries.add(query);
            String page = query.contains("PAGE2") ? "containerapps-2" : query.contains("'Azure Container Apps'") ? "containerapps-1"
                    : query.contains("PostgreSQL") ? "postgres" : query.contains("'Container Registry'") ? "registry"
                    : query.contains("'Log Analytics'") ? "loganalytics" : "storage";
            byte[] body = fixture(page).replace("\"PAGE2\"", "\"" + base + "?page=PAGE2\"").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/retail/prices";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PriceRefreshTest.class.getResourceAsStream("/retail-prices/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    JsonNode refresh() throws IOException {
        return new ObjectMapper().readTree(new PriceRefresher(base).refresh(PriceTable.load("swedencentral"),
                LocalDate.of(2026, 11, 22), line -> { }));
    }

    @Test
    void everyAzurePriceIsReadFromTheApiAndConvertedToTheTablesUnits() throws IOException {
        JsonNode prices = refresh().path("prices");
        assertThat(prices.path("postgres.b1ms.hour").path("price").asDouble()).isEqualTo(0.0208);
        assertThat(prices.path("postgres.storage.gbmonth").path("price").asDouble()).isEqualTo(0.138);
        assertThat(prices.path("aca.active.vcpu.second").path("price").asDouble()).isCloseTo(0.0864 / 3600, within(1e-12));
        assertThat(prices.path("loganalytics.gb").path("price").asDouble()).isEqualTo(3.22);
        assertThat(prices.path("aca.requests.million").path("price").asDouble()).isEqualTo(0.4);
        assertThat(prices.path("aca.idle.gib.second").path("source").asText()).contains("Retail Prices API", "meterId");
    }

    @Test
    void aVolumeTierIsNotMistakenForTheListPrice() throws IOException {
        assertThat(refresh().path("prices").path("blob.hot.lrs.gbmonth").path("price").asDouble()).isEqualTo(0.0208);
    }

    @Test
    void theNextPageIsFollowed() throws IOException {
        refresh();
        assertThat(queries).anyMatch(q -> q.contains("PAGE2"));
    }

    @Test
    void pricesOutsideAzureAreKeptAndTheTableIsDatedAndRegional() throws IOException {
        JsonNode table = refresh();
        assertThat(table.path("asOf").asText()).isEqualTo("2026-11-22");
        assertThat(table.path("region").asText()).isEqualTo("swedencentral");
        assertThat(table.path("prices").path("bitwarden.teams.user").path("price").asDouble()).isEqualTo(4.0);
        assertThat(table.path("freeGrants").path("aca.vcpu.seconds").asDouble()).isEqualTo(180000);
    }

    @Test
    void anApiErrorFailsWithoutWritingAnything() {
        status = 503;
        assertThatThrownBy(this::refresh).hasMessageContaining("answered 503");
    }

    @Test
    void anUnreachableApiSaysTheCommittedTableStaysInUse() {
        server.stop(0);
        assertThatThrownBy(this::refresh).hasMessageContaining("committed table stays in use");
    }
}
