package com.alai.cloud.services.skills;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.skills.git.PinnedRepository;
import com.alai.cloud.services.skills.web.ContentRoutes;
import java.util.Map;

/**
 * Serves the rules/skills/agents git repository at one pinned commit, read-only: {@code GET /v1/commit},
 * {@code /v1/tree/{path}}, {@code /v1/raw/{path}}. The repository is opened (or cloned) before the server listens,
 * so a replica that is live can already serve; a repository or commit that cannot be had stops the start.
 */
public final class SkillsProxy {
    private SkillsProxy() {
    }

    public static Service start(SkillsConfig config) {
        long t0 = System.nanoTime();
        PinnedRepository repository = PinnedRepository.open(config.repository(), config.commit(), config.cloneDir());
        Service.Builder service;
        try {
            service = Service.builder("skills-proxy", config.service());
            service.log().info("repository opened", Map.of("commit", repository.commitId().name(),
                    "source", config.repository().remote() ? "cloned" : "local",
                    "ms", (System.nanoTime() - t0) / 1_000_000));
            var content = new ContentRoutes(repository, config.maxFileBytes());
            service.openApi(SkillsProxy.class, "/skills-proxy/openapi.json").routes(content::routes);
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
        // From here the service owns the repository: a failed start closes it with the rest.
        return service.closeOnStop(repository).start();
    }

    public static void main(String[] args) {
        Launcher.run("skills-proxy", SkillsConfig::from, SkillsProxy::start);
    }
}
