package com.alai.cloud.deploy.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * kind: write_visible — an HTTP write (post: {url, headers, body}) and then a query (`?` = the id read from the
 * response at idPointer) polled until it returns at least 1, within withinMillis. Proves "a POST is visible in Postgres".
 */
final class WriteVisibleCheck implements CheckKind {
    @Override
    public String run(Check check, Variables vars) throws Exception {
        Map<String, Object> post = CheckKind.map(check.spec().get("post"));
        HttpCheck.Outcome outcome = HttpCheck.send(Map.of("method", "POST", "url", post.get("url"),
                "headers", post.getOrDefault("headers", Map.of()), "body", post.getOrDefault("body", "{}")), vars, 30);
        if (outcome.status() / 100 != 2) {
            return "the write answered " + outcome.status();
        }
        long id = new ObjectMapper().readTree(outcome.body()).at(String.valueOf(check.spec().getOrDefault("idPointer", "/id"))).asLong();
        long within = CheckKind.number(check, "withinMillis", 2000).longValue();
        long start = System.nanoTime();
        while (true) {
            if (SqlCheck.single(vars.expand(check.spec().get("url")), vars.expand(check.spec().get("query")), id) >= 1) {
                return null;
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed > within) {
                return "row " + id + " not visible after " + elapsed + " ms (limit " + within + " ms)";
            }
            Thread.sleep(20);
        }
    }
}
