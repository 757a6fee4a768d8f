package com.alai.cloud.client.auth;

import com.alai.cloud.client.error.AlaiException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect target of a native app's login (RFC 8252 §7.3): a one-shot HTTP listener on 127.0.0.1, on any free
 * port, path /callback. It accepts exactly one redirect, and only one carrying this login's state: a redirect with
 * another state (a page trying to inject its own code) or an error ends the login, refused.
 */
final class LoopbackReceiver implements AutoCloseable {
    static final String PATH = "/callback";

    private final HttpServer server;
    private final String state;
    private final String issuer;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    LoopbackReceiver(String state, String issuer) {
        this.state = state;
        this.issuer = issuer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
        } catch (IOException e) {
            throw AlaiException.failed("cannot listen on 127.0.0.1 for the login redirect: " + e.getMessage());
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String await(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw AlaiException.failed("no login redirect arrived within " + timeout.toSeconds() + " s; run `alai login` again"
                    + " (or `alai login --device` where the browser cannot reach this machine)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AlaiException a ? a : AlaiException.failed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AlaiException.failed("interrupted");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH) || !"GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 404, "Not the login redirect.");
                return;
            }
            if (code.isDone()) {
                reply(exchange, 409, "This login has already finished; return to the terminal.");
                return;
            }
            Map<String, String> query;
            try {
                query = Form.decode(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                refuse(exchange, "the redirect is malformed (" + e.getMessage() + ")");
                return;
            }
            if (!state.equals(query.get("state"))) {
                refuse(exchange, "the redirect's state does not match this login's: it was not started by this `alai login`");
                return;
            }
            if (query.containsKey("iss") && !issuer.equals(query.get("iss"))) {
                refuse(exchange, "the redirect comes from issuer " + query.get("iss") + ", not " + issuer + " (RFC 9207)");
                return;
            }
            if (query.containsKey("error")) {
                refuse(exchange, "the issuer answered " + query.get("error")
                        + (query.containsKey("error_description") ? ": " + query.get("error_description") : ""));
                return;
            }
            String value = query.get("code");
            if (value == null || value.isEmpty()) {
                refuse(exchange, "the redirect carries no code");
                return;
            }
            reply(exchange, 200, "Logged in. You can close this tab and return to the terminal.");
            code.complete(value);
        }
    }

    private void refuse(HttpExchange exchange, String why) throws IOException {
        reply(exchange, 400, "Login refused: " + why + ".");
        code.completeExceptionally(AlaiException.failed("login refused: " + why));
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><meta charset=utf-8><title>alai login</title><p>" + text.replace("<", "&lt;") + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
