package com.alai.cloud.deploy.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** kind: http — method, url, headers, body; expect status, bodyContains, jsonNonEmpty (JSON pointer), maxMillis. */
final class HttpCheck implements CheckKind {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Outcome(int status, String body, long millis) {
    }

    static Outcome send(Map<String, Object> spec, Variables vars, int timeoutSeconds) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(vars.expand(spec.get("url"))))
                .timeout(Duration.ofSeconds(timeoutSeconds));
        CheckKind.map(spec.get("headers")).forEach((k, v) -> request.header(k, vars.expand(v)));
        String method = String.valueOf(spec.getOrDefault("method", "GET"));
        Object body = spec.get("body");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(vars.expand(body instanceof String s ? s : new ObjectMapper().writeValueAsString(body))));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public String run(Check check, Variables vars) throws Exception {
        Map<String, Object> expect = CheckKind.map(check.spec().get("expect"));
        Outcome outcome = send(check.spec(), vars, CheckKind.number(check, "timeoutSeconds", 30).intValue());
        int status = ((Number) expect.getOrDefault("status", 200)).intValue();
        if (outcome.status() != status) {
            return "status " + outcome.status() + ", expected " + status;
        }
        Object contains = expect.get("bodyContains");
        if (contains != null && !outcome.body().contains(vars.expand(contains))) {
            return "body does not contain " + contains;
        }
        Object pointer = expect.get("jsonNonEmpty");
        if (pointer != null) {
            JsonNode node = new ObjectMapper().readTree(outcome.body()).at(pointer.toString());
            if (node.isMissingNode() || node.isNull() || node.isEmpty() && !node.isValueNode()) {
                return pointer + " is empty";
            }
        }
        Object max = expect.get("maxMillis");
        if (max instanceof Number n && outcome.millis() > n.longValue()) {
            return "took " + outcome.millis() + " ms, limit " + n + " ms";
        }
        return null;
    }
}
