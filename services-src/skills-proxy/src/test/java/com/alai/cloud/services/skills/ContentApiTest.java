package com.alai.cloud.services.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.testing.OpenApiContract;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a caller reads from the pinned commit: the commit, listings, files as bytes, and how they may be cached. */
class ContentApiTest {
    static final ProxyFixture F = ProxyFixture.INSTANCE;

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theCommitRouteNamesThePinnedCommitAndItsTree() throws Exception {
        var response = F.get("/v1/commit");
        assertThat(response.statusCode()).isEqualTo(200);
        var body = ProxyFixture.json(response);
        assertThat(body.path("commit").asText()).isEqualTo(F.pinned.name());
        assertThat(body.path("tree").asText()).hasSize(40);
        assertThat(body.path("subject").asText()).isEqualTo("rules, skills and agents");
        assertThat(response.headers().firstValue("ETag")).contains("\"" + F.pinned.name() + "\"");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void theRootListingNamesEachEntryWithItsType() throws Exception {
        var body = ProxyFixture.json(F.get("/v1/tree"));
        assertThat(body.path("path").asText()).isEmpty();
        assertThat(body.findValuesAsText("name")).contains("README.md", "rules", "skills", "agents", "links", "vendor");
        var readme = body.path("entries").findParents("name").stream()
                .filter(e -> e.path("name").asText().equals("README.md")).findFirst().orElseThrow();
        assertThat(readme.path("type").asText()).isEqualTo("file");
        assertThat(readme.path("mode").asText()).isEqualTo("100644");
        assertThat(readme.path("size").asLong()).isEqualTo("# system\n".length());
    }

    @Test
    void aNestedDirectoryIsListedWithFullPaths() throws Exception {
        var body = ProxyFixture.json(F.get("/v1/tree/rules/deep"));
        assertThat(body.path("entries").get(0).path("path").asText()).isEqualTo("rules/deep/nested.md");
    }

    @Test
    void symlinksAndSubmodulesAreListedAsWhatTheyAre() throws Exception {
        var links = ProxyFixture.json(F.get("/v1/tree/links"));
        assertThat(links.path("entries").get(0).path("type").asText()).isEqualTo("symlink");
        var vendor = ProxyFixture.json(F.get("/v1/tree/vendor"));
        assertThat(vendor.path("entries").get(0).path("type").asText()).isEqualTo("submodule");
        assertThat(vendor.path("entries").get(0).path("id").asText()).isEqualTo(ProxyFixture.OUTSIDE_COMMIT);
    }

    @Test
    void aFileIsServedWithItsBlobIdAsETag() throws Exception {
        var response = F.get("/v1/raw/rules/style.md");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("Write plainly.\n");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/markdown; charset=utf-8");
        String blob = TestRepository.blobId("Write plainly.\n".getBytes(StandardCharsets.UTF_8)).name();
        assertThat(response.headers().firstValue("ETag")).contains("\"" + blob + "\"");
    }

    @Test
    void aBinaryImageIsServedByteForByteWithItsType() throws Exception {
        var response = F.get("/v1/raw/assets/logo.png");
        assertThat(response.body()).isEqualTo(ProxyFixture.PNG);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void bytesWithoutAKnownTypeAreOctetStreamWhenBinary() throws Exception {
        var response = F.get("/v1/raw/assets/tool");
        assertThat(response.body()).isEqualTo(ProxyFixture.BINARY);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
    }

    @Test
    void textThatIsNotUtf8IsNeverLabelledUtf8() throws Exception {
        var response = F.get("/v1/raw/assets/legacy.txt");
        assertThat(response.body()).isEqualTo(ProxyFixture.LATIN1);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
    }

    @Test
    void servedContentMayNotRunInABrowser() throws Exception {
        var response = F.get("/v1/raw/README.md");
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; sandbox");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aPlusSignInANameIsAPlusSign() throws Exception {
        var response = F.get("/v1/raw/skills/c++%20tips+more.md");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("plus signs stay plus signs\n");
    }

    @Test
    void aFileOfExactlyTheLimitIsServed() throws Exception {
        var response = F.get("/v1/raw/assets/limit.bin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(SkillsConfig.DEFAULT_MAX_FILE_BYTES);
    }

    @Test
    void aSymlinkInsideTheTreeIsFollowed() throws Exception {
        assertThat(text(F.get("/v1/raw/links/style"))).isEqualTo("Write plainly.\n");
        assertThat(text(F.get("/v1/raw/links/chain"))).isEqualTo("Write plainly.\n");
        assertThat(text(F.get("/v1/raw/links/rules/deep/nested.md"))).isEqualTo("deep\n");
        assertThat(ProxyFixture.json(F.get("/v1/tree/links/rules")).path("path").asText()).isEqualTo("rules");
    }

    @Test
    void aMatchingIfNoneMatchIsA304WithoutABody() throws Exception {
        String etag = F.get("/v1/raw/README.md").headers().firstValue("ETag").orElseThrow();
        for (String given : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            var response = F.get("/v1/raw/README.md", "If-None-Match", given);
            assertThat(response.statusCode()).as(given).isEqualTo(304);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("ETag")).contains(etag);
        }
        assertThat(F.get("/v1/raw/README.md", "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
    }

    @Test
    void listingsAndTheCommitRevalidateToo() throws Exception {
        String tree = F.get("/v1/tree/rules").headers().firstValue("ETag").orElseThrow();
        assertThat(F.get("/v1/tree/rules", "If-None-Match", tree).statusCode()).isEqualTo(304);
        assertThat(F.get("/v1/commit", "If-None-Match", "\"" + F.pinned.name() + "\"").statusCode()).isEqualTo(304);
    }

    @Test
    void contentAddressedByThePinnedCommitIsImmutable() throws Exception {
        var response = F.get("/v1/raw/README.md?commit=" + F.pinned.name());
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(F.get("/v1/tree/rules?commit=" + F.pinned.name()).headers().firstValue("Cache-Control"))
                .contains("public, max-age=31536000, immutable");
        assertThat(F.get("/v1/raw/README.md").headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void anotherCommitIsNotServedEvenWhenTheRepositoryHasIt() throws Exception {
        var response = F.get("/v1/raw/README.md?commit=" + F.first.name());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).contains(F.pinned.name());
    }

    @Test
    void aMalformedCommitIsABadRequest() throws Exception {
        assertThat(F.get("/v1/raw/README.md?commit=main").statusCode()).isEqualTo(400);
        assertThat(F.get("/v1/tree?commit=" + F.pinned.name().substring(0, 12)).statusCode()).isEqualTo(400);
    }

    @Test
    void readingNeedsTheSkillsReadScope() throws Exception {
        var noToken = F.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + F.api.port() + "/v1/commit"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        var otherScope = F.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + F.api.port() + "/v1/raw/README.md"))
                .header("Authorization", "Bearer " + F.token("runs:read")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherScope.statusCode()).isEqualTo(403);
        assertThat(otherScope.body()).contains("skills:read");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndLintsClean() throws Exception {
        var served = F.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + F.api.port() + "/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        OpenApiContract.assertDescribes(served.body(), F.api.routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(SkillsProxy.class, "/skills-proxy/openapi.json"));
    }
}
