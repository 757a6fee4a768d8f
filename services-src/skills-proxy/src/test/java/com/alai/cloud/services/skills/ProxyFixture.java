package com.alai.cloud.services.skills;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One OIDC issuer (mock-oauth2-server), one repository made at test time with two commits, and one skills-proxy
 * pinned to the second, shared by the tests of this JVM.
 */
final class ProxyFixture {
    static final String AUDIENCE = "api://alai-skills";
    static final String OUTSIDE_COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final byte[] PNG = png();
    static final byte[] BINARY = {0x7f, 'E', 'L', 'F', 0, 1, 2, (byte) 0xff, 0, 0};
    static final byte[] LATIN1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    static final ProxyFixture INSTANCE = start();

    final MockOAuth2Server issuer;
    final Path repository;
    final ObjectId first;
    final ObjectId pinned;
    final Service api;
    final HttpClient http = HttpClient.newHttpClient();

    private ProxyFixture(MockOAuth2Server issuer, Path repository, ObjectId first, ObjectId pinned, Service api) {
        this.issuer = issuer;
        this.repository = repository;
        this.first = first;
        this.pinned = pinned;
        this.api = api;
    }

    static TestRepository content() {
        return new TestRepository()
                .file("README.md", "# system\n")
                .file("rules/style.md", "Write plainly.\n")
                .file("rules/deep/nested.md", "deep\n")
                .file("skills/c++ tips+more.md", "plus signs stay plus signs\n")
                .file("agents/coder.yaml", "name: coder\nruntime: claude-code\n")
                .file("assets/logo.png", PNG)
                .file("assets/tool", BINARY)
                .file("assets/legacy.txt", LATIN1)
                .file("assets/big.bin", new byte[SkillsConfig.DEFAULT_MAX_FILE_BYTES + 1])
                .file("assets/limit.bin", new byte[SkillsConfig.DEFAULT_MAX_FILE_BYTES])
                .symlink("links/style", "../rules/style.md")
                .symlink("links/rules", "../rules")
                .symlink("links/chain", "style")
                .symlink("links/escape", "../../etc/passwd")
                .symlink("links/absolute", "/etc/passwd")
                .symlink("links/loop-a", "loop-b")
                .symlink("links/loop-b", "loop-a")
                .submodule("vendor/lib", OUTSIDE_COMMIT);
    }

    private static ProxyFixture start() {
        try {
            var issuer = new MockOAuth2Server();
            issuer.start();
            Path repo = Files.createTempDirectory("skills").resolve("system.git");
            ObjectId first = new TestRepository().file("README.md", "# first\n").commit(repo, "first");
            ObjectId pinned = content().commit(repo, "rules, skills and agents");
            Service api = SkillsProxy.start(SkillsConfig.from(new Env(env(issuer, repo.toString(), pinned.name()))));
            return new ProxyFixture(issuer, repo, first, pinned, api);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test fixture", e);
        }
    }

    static Map<String, String> env(MockOAuth2Server issuer, String repo, String commit) {
        var env = new HashMap<>(Map.of("PORT", "0", "OIDC_ISSUER", issuer.issuerUrl("default").toString(),
                "OIDC_AUDIENCE", AUDIENCE));
        env.put("SKILLS_REPO", repo);
        env.put("SKILLS_COMMIT", commit);
        return env;
    }

    String token(String scope) {
        return issuer.issueToken("default", "runner", AUDIENCE, Map.of("scp", scope), 3600).serialize();
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token("skills:read"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    /** A request line sent as written: no client library gets to normalise or refuse the path first. */
    RawResponse raw(String target) throws IOException {
        try (var socket = new Socket("127.0.0.1", api.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token("skills:read") + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            // Read the head, then exactly Content-Length bytes: the server need not close after an error.
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return new RawResponse(Integer.parseInt(text.substring(9, 12)), text.strip(),
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    record RawResponse(int status, String head, String body) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }

    private static byte[] png() {
        var image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
