package com.alai.cloud.services.runner.runtime;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.model.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Model prices (agent-runner/prices.json, USD per million tokens), matched by the longest model-name prefix so a
 * dated id ({@code claude-sonnet-4-5-20250929}) finds its family. A model with no price is refused before any request:
 * a run whose cost cannot be counted cannot be held to its limit.
 */
public final class Prices {
    public record Price(BigDecimal input, BigDecimal output) {
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private final Map<String, Price> byPrefix;

    private Prices(Map<String, Price> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    public static Prices load() {
        try (InputStream in = Prices.class.getResourceAsStream("/agent-runner/prices.json")) {
            JsonNode models = Json.mapper().readTree(in).path("models");
            var prices = new LinkedHashMap<String, Price>();
            models.fields().forEachRemaining(e -> prices.put(e.getKey(),
                    new Price(e.getValue().path("input").decimalValue(), e.getValue().path("output").decimalValue())));
            return new Prices(prices);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read agent-runner/prices.json", e);
        }
    }

    public Optional<Price> of(String model) {
        return byPrefix.entrySet().stream().filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    /** Tokens and their cost; cache writes at 1.25× and cache reads at 0.1× the input price, as Anthropic bills. */
    public Usage cost(String model, long input, long cacheWrite, long cacheRead, long output) {
        Price p = of(model).orElseThrow(() -> new IllegalArgumentException("no price for model " + model));
        BigDecimal cost = p.input().multiply(BigDecimal.valueOf(input))
                .add(p.input().multiply(new BigDecimal("1.25")).multiply(BigDecimal.valueOf(cacheWrite)))
                .add(p.input().multiply(new BigDecimal("0.1")).multiply(BigDecimal.valueOf(cacheRead)))
                .add(p.output().multiply(BigDecimal.valueOf(output)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
        return new Usage(input + cacheWrite + cacheRead, output, cost);
    }
}
