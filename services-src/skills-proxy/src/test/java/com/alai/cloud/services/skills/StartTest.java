package com.alai.cloud.services.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration is checked at start, each error naming its variable; both ways of getting the repository work. */
class StartTest {
    static final ProxyFixture F = ProxyFixture.INSTANCE;

    static SkillsConfig config(Map<String, String> changes) {
        var env = ProxyFixture.env(F.issuer, F.repository.toString(), F.pinned.name());
        env.putAll(changes);
        env.values().removeIf(String::isEmpty);
        return SkillsConfig.from(new Env(env));
    }

    @Test
    void noDatabaseIsNeeded() {
        assertThat(config(Map.of()).service().hasDatabase()).isFalse();
    }

    @Test
    void theCommitIsRequired() {
        assertThatThrownBy(() -> config(Map.of("SKILLS_COMMIT", ""))).isInstanceOf(ConfigError.class)
                .hasMessage("SKILLS_COMMIT: is required but not set");
    }

    @Test
    void aBranchNameIsNotAPin() {
        assertThatThrownBy(() -> config(Map.of("SKILLS_COMMIT", "main"))).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("SKILLS_COMMIT: 'main' is not a full 40-hex commit id");
    }

    @Test
    void theRepositoryIsRequired() {
        assertThatThrownBy(() -> config(Map.of("SKILLS_REPO", ""))).hasMessage("SKILLS_REPO: is required but not set");
    }

    @Test
    void aUrlWithCredentialsIsRefused() {
        assertThatThrownBy(() -> config(Map.of("SKILLS_REPO", "https://bot:hunter2@git.example.invalid/system.git")))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("SKILLS_REPO: the URL holds credentials")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnservedSchemeIsRefused() {
        assertThatThrownBy(() -> config(Map.of("SKILLS_REPO", "git://git.example.invalid/system.git")))
                .hasMessageStartingWith("SKILLS_REPO: scheme git is not served");
    }

    @Test
    void theFileLimitIsBounded() {
        assertThatThrownBy(() -> config(Map.of("SKILLS_MAX_FILE_BYTES", "0")))
                .hasMessageStartingWith("SKILLS_MAX_FILE_BYTES:");
    }

    @Test
    void aMissingDirectoryStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> SkillsProxy.start(config(Map.of("SKILLS_REPO", "/nonexistent/system.git"))))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("SKILLS_REPO: /nonexistent/system.git");
    }

    @Test
    void aDirectoryThatIsNoRepositoryStopsTheStart() throws Exception {
        Path empty = Files.createTempDirectory("not-a-repo");
        assertThatThrownBy(() -> SkillsProxy.start(config(Map.of("SKILLS_REPO", empty.toString()))))
                .hasMessageStartingWith("SKILLS_REPO: " + empty + " is not a git repository");
    }

    @Test
    void aCommitTheRepositoryLacksStopsTheStart() {
        assertThatThrownBy(() -> SkillsProxy.start(config(Map.of("SKILLS_COMMIT", ProxyFixture.OUTSIDE_COMMIT))))
                .hasMessageStartingWith("SKILLS_COMMIT: " + ProxyFixture.OUTSIDE_COMMIT + " is not a commit in");
    }

    @Test
    void anUnreachableUrlStopsTheStart() throws Exception {
        Path nothing = Files.createTempDirectory("gone").resolve("none.git");
        assertThatThrownBy(() -> SkillsProxy.start(config(Map.of("SKILLS_REPO", nothing.toUri().toString(),
                "SKILLS_CLONE_DIR", Files.createTempDirectory("clones").toString()))))
                .hasMessageStartingWith("SKILLS_REPO: cannot clone");
    }

    @Test
    void aRepositoryClonedAtStartServesThePinnedCommit() throws Exception {
        Path clones = Files.createTempDirectory("clones");
        var settings = config(Map.of("SKILLS_REPO", F.repository.toUri().toString(), "SKILLS_CLONE_DIR", clones.toString()));
        for (int start = 0; start < 2; start++) {
            // The second start finds the first one's clone and must replace it, as a restarted container would.
            try (var cloned = SkillsProxy.start(settings)) {
                var response = F.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cloned.port()
                        + "/v1/raw/rules/style.md")).header("Authorization", "Bearer " + F.token("skills:read")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).isEqualTo("Write plainly.\n");
            }
        }
        assertThat(clones.resolve(F.pinned.name() + ".git")).isDirectory();
    }

    @Test
    void aWorkingCopyIsOpenedThroughItsGitDirectory() throws Exception {
        Path work = Files.createTempDirectory("work");
        try (var git = org.eclipse.jgit.api.Git.cloneRepository().setURI(F.repository.toUri().toString())
                .setDirectory(work.toFile()).call();
             var proxy = SkillsProxy.start(config(Map.of("SKILLS_REPO", work.toString())))) {
            assertThat(git.getRepository().isBare()).isFalse();
            var response = F.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port()
                    + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
