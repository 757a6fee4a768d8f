package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.deploy.validate.Check;
import com.alai.cloud.deploy.validate.CheckResult;
import com.alai.cloud.deploy.validate.Validator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each check kind passes and fails when it should, against real HTTP, TCP, DNS and processes. */
class ValidatorTest {
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", e -> {
            byte[] body = "{\"items\":[1]}".getBytes();
            e.sendResponseHeaders(200, body.length);
            e.getResponseBody().write(body);
            e.close();
        });
        server.createContext("/empty", e -> {
            byte[] body = "{\"items\":[]}".getBytes();
            e.sendResponseHeaders(200, body.length);
            e.getResponseBody().write(body);
            e.close();
        });
        server.createContext("/down", e -> {
            e.sendResponseHeaders(503, -1);
            e.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static Check check(String kind, Map<String, Object> spec) {
        var all = new java.util.HashMap<String, Object>(spec);
        all.put("id", "c");
        all.put("kind", kind);
        return new Check("c", kind, "", true, all, "test");
    }

    CheckResult.Status run(Check check) {
        return new Validator(Map.of("BASE", base), false, line -> { }).run(List.of(check)).get(0).status();
    }

    @Test
    void httpPassesOnTheExpectedStatusAndNonEmptyJson() {
        assertThat(run(check("http", Map.of("url", "${BASE}/ok", "expect", Map.of("status", 200, "jsonNonEmpty", "/items")))))
                .isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void httpFailsOnAnEmptyListOrAnotherStatus() {
        assertThat(run(check("http", Map.of("url", "${BASE}/empty", "expect", Map.of("jsonNonEmpty", "/items"))))).isEqualTo(CheckResult.Status.FAIL);
        assertThat(run(check("http", Map.of("url", "${BASE}/down")))).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void healthyForFailsAsSoonAsOnePollFails() {
        assertThat(run(check("healthy_for", Map.of("url", "${BASE}/ok", "seconds", 0.3, "intervalSeconds", 0.1)))).isEqualTo(CheckResult.Status.PASS);
        assertThat(run(check("healthy_for", Map.of("url", "${BASE}/down", "seconds", 0.3, "intervalSeconds", 0.1)))).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void tcpSeesAnOpenPortAndProvesAClosedOne() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int open = server.getAddress().getPort();
        assertThat(run(check("tcp", Map.of("host", "127.0.0.1", "port", open)))).isEqualTo(CheckResult.Status.PASS);
        assertThat(run(check("tcp", Map.of("host", "127.0.0.1", "port", closed)))).isEqualTo(CheckResult.Status.FAIL);
        assertThat(run(check("tcp", Map.of("host", "127.0.0.1", "port", closed, "expect", Map.of("reachable", false))))).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void dnsResolvesLocalhostAndNotAnInvalidName() {
        assertThat(run(check("dns", Map.of("name", "localhost")))).isEqualTo(CheckResult.Status.PASS);
        assertThat(run(check("dns", Map.of("name", "vault.example.invalid", "expect", Map.of("resolves", false))))).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void commandChecksTheExitCodeAndTheTimeout() {
        assertThat(run(check("command", Map.of("argv", List.of("true"))))).isEqualTo(CheckResult.Status.PASS);
        assertThat(run(check("command", Map.of("argv", List.of("false"))))).isEqualTo(CheckResult.Status.FAIL);
        assertThat(run(check("command", Map.of("argv", List.of("sleep", "5"), "timeoutSeconds", 1)))).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void anUnsetVariableIsAnErrorNamingIt() {
        var result = new Validator(Map.of(), false, line -> { }).run(List.of(check("http", Map.of("url", "${MC_URL}/ok")))).get(0);
        assertThat(result.status()).isEqualTo(CheckResult.Status.ERROR);
        assertThat(result.message()).contains("MC_URL");
    }

    @Test
    void skippedChecksNeverValidateAPhase() {
        var cloudOnly = new Check("c", "http", "", false, Map.of("url", "${BASE}/ok"), "test");
        var results = new Validator(Map.of("BASE", base), true, line -> { }).run(List.of(cloudOnly));
        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(Validator.passed(results)).isFalse();
    }
}
