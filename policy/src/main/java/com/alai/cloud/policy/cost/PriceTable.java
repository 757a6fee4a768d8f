package com.alai.cloud.policy.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** A dated table of unit prices for one region, each with its meter and source. */
public record PriceTable(String region, String currency, String asOf, String note, Map<String, Price> prices,
                         Map<String, Double> freeGrants) {

    public record Price(double price, String unit, String meter, String source) {
    }

    public static PriceTable load(String region) {
        String path = "prices/" + region + ".json";
        try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no price table for region " + region + " (" + path + ")");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("price table " + path + " is unreadable", e);
        }
    }

    static PriceTable parse(JsonNode root) {
        var prices = new TreeMap<String, Price>();
        root.path("prices").fields().forEachRemaining(e -> prices.put(e.getKey(), new Price(
                e.getValue().path("price").asDouble(), e.getValue().path("unit").asText(),
                e.getValue().path("meter").asText(), e.getValue().path("source").asText())));
        var grants = new TreeMap<String, Double>();
        root.path("freeGrants").fields().forEachRemaining(e -> grants.put(e.getKey(), e.getValue().asDouble()));
        return new PriceTable(root.path("region").asText(), root.path("currency").asText(), root.path("asOf").asText(),
                root.path("note").asText(), prices, grants);
    }

    public double price(String key) {
        Price price = prices.get(key);
        if (price == null) {
            throw new IllegalStateException("price table " + region + " has no price " + key);
        }
        return price.price();
    }

    public double grant(String key) {
        return freeGrants.getOrDefault(key, 0.0);
    }
}
