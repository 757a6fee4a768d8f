package com.alai.cloud.services.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.http.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path a caller could use to read outside the pinned tree, or to make the proxy do what it should not, is a
 * clear 4xx problem — sent as raw request lines, so no client library cleans the path first.
 */
class HostilePathTest {
    static final ProxyFixture F = ProxyFixture.INSTANCE;

    static void assertProblem(ProxyFixture.RawResponse response, int status, String reason) throws Exception {
        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(response.head()).containsIgnoringCase("Content-Type: " + ProblemWriter.MEDIA_TYPE);
        if (reason != null) {
            assertThat(response.json().path("errors").path("path").asText()).as(response.body()).isEqualTo(reason);
        }
        assertThat(response.body()).doesNotContain("root:x:0:0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/raw/rules/..%2F..%2Fetc%2Fpasswd", "/v1/raw/%2e%2e/%2e%2e/etc/passwd",
            "/v1/raw/rules/%2E%2E/README.md", "/v1/raw/rules%2F..%2FREADME.md", "/v1/tree/%2e%2e",
            "/v1/raw/./README.md", "/v1/raw/rules//style.md"})
    void dotSegmentsPlainOrPercentEncodedAreRefused(String target) throws Exception {
        var response = F.raw(target);
        // Helidon may refuse or normalise a literal dot segment itself; whoever answers, it is a 4xx problem.
        assertThat(response.status()).as(target).isBetween(400, 404);
        assertThat(response.head()).containsIgnoringCase("Content-Type: " + ProblemWriter.MEDIA_TYPE);
        assertThat(response.body()).doesNotContain("root:x:0:0").doesNotContain("# system");
    }

    @Test
    void aPercentEncodedTraversalReachesTheProxyAndIsNamed() throws Exception {
        var response = F.raw("/v1/raw/rules/%2e%2e%2fREADME.md");
        assertProblem(response, 400, "invalid");
        assertThat(response.json().path("detail").asText()).contains("'..' segment");
    }

    @Test
    void literalDotDotIsRefused() throws Exception {
        var response = F.raw("/v1/raw/rules/../README.md");
        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.body()).doesNotContain("# system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/raw//etc/passwd", "/v1/raw/%2Fetc%2Fpasswd", "/v1/tree/%2F"})
    void absolutePathsAreRefused(String target) throws Exception {
        assertProblem(F.raw(target), 400, "invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/raw/README.md%00.png", "/v1/raw/%00", "/v1/raw/rules%0a/style.md",
            "/v1/raw/rules%5cstyle.md"})
    void nulControlCharactersAndBackslashesAreRefused(String target) throws Exception {
        assertProblem(F.raw(target), 400, "invalid");
    }

    @Test
    void malformedPercentEncodingIsRefused() throws Exception {
        var response = F.raw("/v1/raw/README.md%zz");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.head()).containsIgnoringCase("Content-Type: " + ProblemWriter.MEDIA_TYPE);
    }

    @Test
    void aSymlinkClimbingOutOfTheTreeIsRefused() throws Exception {
        var response = F.raw("/v1/raw/links/escape");
        assertProblem(response, 403, "symlink-escapes");
        assertThat(response.json().path("detail").asText()).contains("links/escape").contains("outside the repository");
    }

    @Test
    void anAbsoluteSymlinkIsRefused() throws Exception {
        assertProblem(F.raw("/v1/raw/links/absolute"), 403, "symlink-escapes");
        assertProblem(F.raw("/v1/tree/links/absolute"), 403, "symlink-escapes");
    }

    @Test
    void aSymlinkLoopEnds() throws Exception {
        assertProblem(F.raw("/v1/raw/links/loop-a"), 400, "symlink-loop");
    }

    @Test
    void aSubmoduleIsNotServedNorEnteredNorListedInto() throws Exception {
        var response = F.raw("/v1/raw/vendor/lib");
        assertProblem(response, 404, "submodule");
        assertThat(response.json().path("detail").asText()).contains("vendor/lib is a submodule");
        assertProblem(F.raw("/v1/raw/vendor/lib/README.md"), 404, "submodule");
        assertProblem(F.raw("/v1/tree/vendor/lib"), 404, "submodule");
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWithItsSize() throws Exception {
        var response = F.raw("/v1/raw/assets/big.bin");
        assertProblem(response, 403, "too-large");
        assertThat(response.json().path("detail").asText()).contains(String.valueOf(SkillsConfig.DEFAULT_MAX_FILE_BYTES + 1));
    }

    @Test
    void aDirectoryIsNotAFileNorAFileADirectory() throws Exception {
        assertProblem(F.raw("/v1/raw/rules"), 404, "wrong-type");
        assertProblem(F.raw("/v1/tree/README.md"), 404, "wrong-type");
        assertProblem(F.raw("/v1/raw/README.md/more"), 404, "not-found");
    }

    @Test
    void aMissingPathIsANotFoundNamingThePath() throws Exception {
        var response = F.raw("/v1/raw/rules/missing.md");
        assertProblem(response, 404, "not-found");
        assertThat(response.json().path("detail").asText()).contains("rules/missing.md");
    }
}
