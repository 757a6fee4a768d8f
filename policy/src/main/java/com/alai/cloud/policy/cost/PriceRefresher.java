package com.alai.cloud.policy.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rebuilds the price table from the Azure Retail Prices API (one query per service, following NextPageLink).
 * Prices the API does not carry (Bitwarden, Together.ai) are kept from the current table.
 */
public final class PriceRefresher {
    public static final String API = "https://prices.azure.com/api/retail/prices";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_PAGES = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String apiUrl;

    public PriceRefresher(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The refreshed table as JSON; fails naming every price it could not find. */
    public String refresh(PriceTable current, LocalDate today, Consumer<String> progress) {
        ObjectNode root = JSON.createObjectNode();
        root.put("region", current.region());
        root.put("currency", "USD");
        root.put("asOf", today.toString());
        root.put("note", "Refreshed from the Azure Retail Prices API (" + apiUrl + "); non-Azure prices kept from the previous table.");
        ObjectNode prices = root.putObject("prices");
        var missing = new ArrayList<String>();
        for (RetailPriceQuery query : RetailPriceQuery.AZURE) {
            progress.accept("  " + query.key() + " …");
            JsonNode item = find(query, current.region());
            if (item == null) {
                missing.add(query.key());
                continue;
            }
            ObjectNode price = prices.putObject(query.key());
            price.put("price", perUnit(query.key(), item));
            price.put("unit", current.prices().containsKey(query.key()) ? current.prices().get(query.key()).unit() : item.path("unitOfMeasure").asText());
            price.put("meter", item.path("productName").asText() + " / " + item.path("meterName").asText());
            price.put("source", "Azure Retail Prices API, meterId " + item.path("meterId").asText()
                    + ", effective " + item.path("effectiveStartDate").asText());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Retail Prices API had no item for " + missing + " in " + current.region());
        }
        current.prices().forEach((key, price) -> {
            if (!prices.has(key)) {
                ObjectNode kept = prices.putObject(key);
                kept.put("price", price.price());
                kept.put("unit", price.unit());
                kept.put("meter", price.meter());
                kept.put("source", price.source());
            }
        });
        ObjectNode grants = root.putObject("freeGrants");
        current.freeGrants().forEach(grants::put);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // The API prices seconds and requests in bulk units ("1 Hour", "1M", "1/Day"); the table keeps per-unit values.
    private static double perUnit(String key, JsonNode item) {
        double price = item.path("retailPrice").asDouble();
        String unit = item.path("unitOfMeasure").asText();
        if (key.endsWith(".second") && unit.startsWith("1 Hour")) {
            return price / 3600;
        }
        if (key.endsWith(".million") && (unit.equals("1") || unit.equals("1 Request"))) {
            return price * 1_000_000;
        }
        return price;
    }

    private JsonNode find(RetailPriceQuery query, String region) {
        String next = apiUrl + "?$filter=" + URLEncoder.encode(query.filter(region), StandardCharsets.UTF_8).replace("+", "%20");
        for (int page = 0; page < MAX_PAGES && next != null && !next.isBlank(); page++) {
            JsonNode body = get(next);
            for (JsonNode item : body.path("Items")) {
                if (query.matches(item)) {
                    return item;
                }
            }
            next = body.path("NextPageLink").isTextual() ? body.path("NextPageLink").asText() : null;
        }
        return null;
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the Retail Prices API answered " + response.statusCode() + " for " + url);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the Retail Prices API (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); the committed table stays in use");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static List<String> keys() {
        return RetailPriceQuery.AZURE.stream().map(RetailPriceQuery::key).toList();
    }
}
