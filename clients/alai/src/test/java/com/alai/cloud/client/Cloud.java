package com.alai.cloud.client;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.mc.McApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The control plane a client talks to, real and local: embedded PostgreSQL, mock-oauth2-server with its interactive
 * login page (the issuer's HTML form, as a browser sees it), and the real mc-api trusting that issuer. One per JVM.
 */
public final class Cloud {
    public static final String CLIENT_ID = "alai-cli-test";
    public static final String AUDIENCE = "api://alai-control-plane";
    public static final Cloud INSTANCE = start();

    public final EmbeddedPostgres postgres;
    public final MockOAuth2Server issuer;
    public final Service mcApi;

    private Cloud(EmbeddedPostgres postgres, MockOAuth2Server issuer, Service mcApi) {
        this.postgres = postgres;
        this.issuer = issuer;
        this.mcApi = mcApi;
    }

    private static Cloud start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE mission_control");
            }
            // Entra puts the client id in the ID token's aud and the API in the access token's; the mock issues one
            // audience list for both, so it carries both.
            var callbacks = Set.of(new DefaultOAuth2TokenCallback("default", "unused", "JWT", List.of(CLIENT_ID, AUDIENCE),
                    Map.of(), 3600), new DefaultOAuth2TokenCallback("other", "unused", "JWT", List.of(CLIENT_ID, AUDIENCE), Map.of(), 3600));
            var issuer = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), callbacks));
            issuer.start();
            var config = ServiceConfig.from(new Env(Map.of(
                    "PORT", "0",
                    "DATABASE_URL", "postgres://postgres:@localhost:" + pg.getPort() + "/mission_control",
                    "OIDC_ISSUER", issuer.issuerUrl("default").toString(),
                    "OIDC_AUDIENCE", AUDIENCE)));
            var cloud = new Cloud(pg, issuer, McApi.start(config));
            cloud.awaitFirstAuthenticatedAnswer();
            return cloud;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local control plane", e);
        }
    }

    // The API fetches the issuer's discovery document and keys on the first request; on a loaded machine that first
    // fetch can outlast the API's own timeout (503). The fixture is ready once one authenticated request succeeded.
    private void awaitFirstAuthenticatedAnswer() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(mcUrl() + "/stats"))
                .header("Authorization", "Bearer " + serviceToken()).build();
        for (int attempt = 1; ; attempt++) {
            int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            if (attempt == 30) {
                throw new IllegalStateException("mc-api still answers " + status + " after 30 tries");
            }
            Thread.sleep(1000);
        }
    }

    public String issuerUrl() {
        String url = issuer.issuerUrl("default").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String mcUrl() {
        return "http://127.0.0.1:" + mcApi.port();
    }

    /** A token as a script would have it in ALAI_TOKEN. */
    public String serviceToken() {
        return issuer.issueToken("default", "ci-bot", AUDIENCE, Map.of(), 3600).serialize();
    }
}
