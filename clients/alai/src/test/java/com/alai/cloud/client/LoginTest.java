package com.alai.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.client.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `alai login` against a real OIDC issuer (mock-oauth2-server), its browser played by an HTTP client. */
class LoginTest {
    @TempDir
    Path home;

    private Alai loggedIn() {
        var alai = new Alai(home);
        alai.browser = new FormBrowser("alice");
        Alai.Run login = alai.run("login");
        assertThat(login.exit()).as(login.err()).isZero();
        return alai;
    }

    @Test
    void aWholeLoginWithoutABrowserGivesATokenTheRealMcApiAccepts() {
        var alai = new Alai(home);
        var browser = new FormBrowser("alice");
        alai.browser = browser;
        Alai.Run login = alai.run("login");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("Logged in as alice@example.com");
        URI authorize = browser.opened.get(0);
        assertThat(authorize.getQuery()).contains("code_challenge_method=S256", "code_challenge=", "state=", "nonce=",
                "redirect_uri=http://127.0.0.1:");
        assertThat(browser.redirectStatus).containsExactly(200);

        alai.env.put("ALAI_MC_URL", Cloud.INSTANCE.mcUrl());
        Alai.Run add = alai.run("mc", "add", "Logged-in task", "--json");
        assertThat(add.exit()).as(add.err()).isZero();
        Alai.Run list = alai.run("mc", "list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("Logged-in task");
    }

    @Test
    void statusNamesTheAccountTheIssuerTheExpiryAndWhereTheLoginIsKept() {
        var alai = loggedIn();
        Alai.Run status = alai.run("auth", "status", "--json");
        assertThat(status.exit()).isZero();
        JsonNode json = Json.tree(status.out());
        assertThat(json.get("account").asText()).isEqualTo("alice@example.com");
        assertThat(json.get("issuer").asText()).isEqualTo(Cloud.INSTANCE.issuerUrl());
        assertThat(json.get("expiresAt").asText()).isNotBlank();
        assertThat(json.get("source").asText()).contains(alai.tokenFile("default").toString());
        assertThat(json.get("refreshable").asBoolean()).isTrue();
    }

    @Test
    void withoutAKeyringTheTokensGoToAFileOnlyItsOwnerCanReadWithAWarning() throws Exception {
        var alai = new Alai(home);
        alai.browser = new FormBrowser("alice");
        Alai.Run login = alai.run("login");
        assertThat(login.err()).contains("warning: no OS keyring answered within 3 s", alai.tokenFile("default").toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alai.tokenFile("default")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alai.tokenFile("default").getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aKeyringThatHangsIsGivenUpAfterThreeSecondsForTheFile() throws Exception {
        Path bin = Files.createDirectories(home.resolve("hanging-keyring"));
        Path tool = bin.resolve("secret-tool");
        Files.writeString(tool, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        var alai = new Alai(home);
        alai.env.put("PATH", bin.toString());
        alai.browser = new FormBrowser("alice");
        Alai.Run login = alai.run("login");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.err()).contains("no OS keyring answered within 3 s");
        assertThat(alai.tokenFile("default")).exists();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedSilently() {
        var alai = loggedIn();
        String first = alai.run("token").out().strip();
        alai.clock.advance(Duration.ofHours(2));
        Alai.Run second = alai.run("token");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out().strip()).isNotEqualTo(first).isNotBlank();
        assertThat(Json.tree(alai.run("auth", "status", "--json").out()).get("expiresAt").asText())
                .isGreaterThan(alai.clock.instant().toString());
        alai.env.put("ALAI_MC_URL", Cloud.INSTANCE.mcUrl());
        assertThat(alai.run("mc", "stats").exit()).isZero();
    }

    @Test
    void aLoginThatCannotBeRefreshedAnymoreAsksForANewLoginWithExit4() throws Exception {
        var alai = loggedIn();
        JsonNode stored = Json.tree(Files.readString(alai.tokenFile("default")));
        // mock-oauth2-server refreshes any refresh token it is given, so the login here is one that never got one.
        ((com.fasterxml.jackson.databind.node.ObjectNode) stored).putNull("refreshToken");
        Files.writeString(alai.tokenFile("default"), Json.compact(stored));
        alai.clock.advance(Duration.ofHours(2));
        Alai.Run token = alai.run("token");
        assertThat(token.exit()).isEqualTo(4);
        assertThat(token.err()).contains("cannot be refreshed", "offline_access", "run `alai login`");
    }

    @Test
    void aTokenFileOthersCanReadIsRefused() throws Exception {
        var alai = loggedIn();
        Files.setPosixFilePermissions(alai.tokenFile("default"), PosixFilePermissions.fromString("rw-r--r--"));
        Alai.Run token = alai.run("token");
        assertThat(token.exit()).isEqualTo(1);
        assertThat(token.err()).contains("rw-r--r--", "owner only", "alai logout");
        assertThat(token.out()).isEmpty();
    }

    @Test
    void aRedirectWithAnotherStateIsRefused() {
        var alai = new Alai(home);
        var browser = new FormBrowser("mallory", u -> URI.create(u.toString().replaceAll("state=[^&]+", "state=forged")));
        alai.browser = browser;
        Alai.Run login = alai.run("login");
        assertThat(login.exit()).isEqualTo(1);
        assertThat(login.err()).contains("login refused", "state does not match");
        assertThat(browser.redirectStatus).containsExactly(400);
        assertThat(alai.tokenFile("default")).doesNotExist();
    }

    @Test
    void aCodeIssuedToAnotherLoginIsRefusedByPkce() throws Exception {
        // The attacker's own authorization request (own PKCE challenge) yields a code; it is delivered to the
        // victim's listener with the victim's state. Only the verifier of the request it was issued for redeems it.
        URI attackers = URI.create(Cloud.INSTANCE.issuerUrl() + "/authorize?response_type=code&client_id=" + Cloud.CLIENT_ID
                + "&redirect_uri=http://127.0.0.1:9/callback&scope=openid&state=x&nonce=n"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        String injected = FormBrowser.codeFor(attackers, "mallory");
        var alai = new Alai(home);
        alai.browser = new FormBrowser("alice", u -> URI.create(u.toString().replaceAll("code=[^&]+", "code=" + injected)));
        Alai.Run login = alai.run("login");
        assertThat(login.exit()).isEqualTo(1);
        assertThat(login.err()).contains("login refused by the issuer", "invalid_grant");
        assertThat(alai.tokenFile("default")).doesNotExist();
    }

    @Test
    void tokensFromAnIssuerOtherThanTheDiscoveryDocumentNamesAreRefused() throws Exception {
        // A discovery document that names one issuer but whose endpoints belong to another.
        String real = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Cloud.INSTANCE.issuerUrl()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String impostor = "http://127.0.0.1:" + server.getAddress().getPort() + "/impostor";
        String doc = real.replace("\"issuer\":\"" + Cloud.INSTANCE.issuerUrl() + "\"", "\"issuer\":\"" + impostor + "\"")
                .replace("\"issuer\" : \"" + Cloud.INSTANCE.issuerUrl() + "\"", "\"issuer\" : \"" + impostor + "\"");
        assertThat(doc).contains(impostor);
        server.createContext("/impostor/.well-known/openid-configuration", exchange -> {
            byte[] body = doc.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var alai = new Alai(home);
            alai.env.put("ALAI_ISSUER", impostor);
            alai.browser = new FormBrowser("alice");
            Alai.Run login = alai.run("login");
            assertThat(login.exit()).isEqualTo(1);
            assertThat(login.err()).contains("login refused", "issued by " + Cloud.INSTANCE.issuerUrl(), "not by " + impostor);
            assertThat(alai.tokenFile("default")).doesNotExist();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void deviceLoginSaysClearlyWhenTheIssuerDoesNotOfferIt() {
        var alai = new Alai(home);
        Alai.Run login = alai.run("login", "--device");
        assertThat(login.exit()).isEqualTo(1);
        assertThat(login.err()).contains("does not offer the device grant", "device_authorization_endpoint", "--no-browser");
    }

    @Test
    void noBrowserPrintsTheUrlAndTheSshPortForward() {
        var alai = new Alai(home);
        Alai.Run login = alai.run("login", "--no-browser", "--timeout", "1");
        assertThat(login.exit()).isEqualTo(1);
        assertThat(login.err()).contains("Open this URL in a browser", Cloud.INSTANCE.issuerUrl() + "/authorize?",
                "ssh -N -L ", ":127.0.0.1:", "no login redirect arrived within 1 s");
    }

    @Test
    void withoutALoginTokenAndApiCommandsExitWith4() {
        var alai = new Alai(home);
        alai.env.put("ALAI_MC_URL", Cloud.INSTANCE.mcUrl());
        Alai.Run token = alai.run("token");
        assertThat(token.exit()).isEqualTo(4);
        assertThat(token.err()).contains("not logged in", "alai login", "ALAI_TOKEN");
        assertThat(alai.run("mc", "list").exit()).isEqualTo(4);
        assertThat(alai.run("auth", "status").exit()).isEqualTo(4);
    }

    @Test
    void alaiTokenInTheEnvironmentWinsOverTheStoredLogin() {
        var alai = loggedIn();
        String ci = Cloud.INSTANCE.serviceToken();
        alai.env.put("ALAI_TOKEN", ci);
        assertThat(alai.run("token").out().strip()).isEqualTo(ci);
        assertThat(alai.run("auth", "status").out()).contains("ALAI_TOKEN");
        alai.env.put("ALAI_MC_URL", Cloud.INSTANCE.mcUrl());
        assertThat(alai.run("mc", "list").exit()).isZero();
    }

    @Test
    void logoutForgetsTheLogin() {
        var alai = loggedIn();
        Alai.Run logout = alai.run("logout");
        assertThat(logout.out()).contains("Logged out of profile default");
        assertThat(alai.tokenFile("default")).doesNotExist();
        assertThat(alai.run("token").exit()).isEqualTo(4);
    }

    @Test
    void profilesKeepSeparateLogins() throws Exception {
        Files.createDirectories(home.resolve("config/alai"));
        Files.writeString(home.resolve("config/alai/config.yaml"), "profile: work\nprofiles:\n  work:\n    issuer: "
                + Cloud.INSTANCE.issuerUrl() + "\n    clientId: " + Cloud.CLIENT_ID + "\n  home:\n    clientId: x\n");
        var alai = new Alai(home);
        alai.env.remove("ALAI_ISSUER");
        alai.env.remove("ALAI_CLIENT_ID");
        alai.browser = new FormBrowser("alice");
        assertThat(alai.run("login").exit()).isZero();
        assertThat(alai.tokenFile("work")).exists();
        assertThat(alai.run("--profile", "home", "token").exit()).isEqualTo(4);
        Alai.Run missing = alai.run("--profile", "nope", "token");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("no profile 'nope'", "[home, work]");
    }
}
