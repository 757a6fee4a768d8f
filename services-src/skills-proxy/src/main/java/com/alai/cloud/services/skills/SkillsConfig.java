package com.alai.cloud.services.skills;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.skills.git.RepositorySource;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;

/**
 * skills-proxy's settings: every service's (no database) plus where the repository is and the commit it is pinned
 * to. {@code SKILLS_REPO}: a directory (baked into the image) or a file:// / https:// URL cloned at start;
 * {@code SKILLS_COMMIT}: a full 40-hex commit id — never a branch, so the pin moves only with a deploy.
 */
public record SkillsConfig(ServiceConfig service, RepositorySource repository, String commit, int maxFileBytes,
                           Path cloneDir) {
    public static final int DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

    public static SkillsConfig from(Env env) {
        String commit = env.required("SKILLS_COMMIT");
        if (!ObjectId.isId(commit)) {
            throw new ConfigError("SKILLS_COMMIT", "'" + commit + "' is not a full 40-hex commit id (a branch or tag"
                    + " name would let the served content move without a deploy)");
        }
        return new SkillsConfig(ServiceConfig.withoutDatabase(env),
                RepositorySource.parse(env.required("SKILLS_REPO")),
                commit,
                env.integer("SKILLS_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES, 1, 100 * 1024 * 1024),
                Path.of(env.optional("SKILLS_CLONE_DIR").orElse(System.getProperty("java.io.tmpdir") + "/skills-proxy"))
                        .resolve(commit + ".git"));
    }
}
