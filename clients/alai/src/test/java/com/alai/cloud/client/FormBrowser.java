package com.alai.cloud.client;

import com.alai.cloud.client.auth.Browser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A person at a browser, played by an HTTP client: it opens the issuer's login page, checks it is the login form,
 * submits it as {@code user}, and follows the redirect to wherever the issuer sends it (alai's loopback listener).
 * {@code tamper} may rewrite that redirect first, as a hostile page would.
 */
public final class FormBrowser implements Browser {
    private final String user;
    private final UnaryOperator<URI> tamper;
    public final List<URI> opened = new ArrayList<>();
    public final List<Integer> redirectStatus = new ArrayList<>();

    public FormBrowser(String user, UnaryOperator<URI> tamper) {
        this.user = user;
        this.tamper = tamper;
    }

    public FormBrowser(String user) {
        this(user, u -> u);
    }

    @Override
    public boolean open(URI url) {
        opened.add(url);
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.body().contains("<form method=\"post\">") || !page.body().contains("name=\"username\"")) {
                throw new AssertionError("not the issuer's login form: " + page.statusCode() + " " + page.body());
            }
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&claims="
                    + URLEncoder.encode("{\"preferred_username\":\"" + user + "@example.com\"}", StandardCharsets.UTF_8);
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = submitted.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("the login form did not redirect: " + submitted.statusCode() + " " + submitted.body()));
            HttpResponse<String> landed = http.send(HttpRequest.newBuilder(tamper.apply(URI.create(location))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            redirectStatus.add(landed.statusCode());
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The code the issuer hands this user for {@code authorizeUrl}, without delivering it anywhere. */
    public static String codeFor(URI authorizeUrl, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(authorizeUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&claims=")).build(), HttpResponse.BodyHandlers.ofString());
        String location = submitted.headers().firstValue("Location").orElseThrow();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + location);
    }
}
