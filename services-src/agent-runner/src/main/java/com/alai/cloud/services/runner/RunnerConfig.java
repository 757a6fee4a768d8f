package com.alai.cloud.services.runner;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.runner.worker.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent runner's settings, from the environment (services-src/agent-runner/README.md lists them). One image,
 * two roles: {@code ALAI_ROLE=api} serves the runs API, {@code worker} runs runs, {@code all} both (local and tests).
 */
public record RunnerConfig(ServiceConfig service, Role role, Path agentsDir, WorkerSettings worker,
                           String anthropicBaseUrl, String anthropicApiKey, Path claudeBin,
                           Optional<Path> dotClaude, Optional<Reporting> reporting) {
    public enum Role {
        API, WORKER, ALL;

        boolean api() {
            return this != WORKER;
        }

        boolean worker() {
            return this != API;
        }
    }

    /** Where runs report: Mission Control and HiveMind, with a client-credentials token for both. */
    public record Reporting(String mcUrl, String hivemindUrl, String tokenUrl, String clientId, String clientSecret,
                            String scope, String runsUrl) {
        @Override
        public String toString() {
            return "Reporting[mcUrl=" + mcUrl + ", hivemindUrl=" + hivemindUrl + ", tokenUrl=" + tokenUrl
                    + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @Override
    public String toString() {
        return "RunnerConfig[role=" + role + ", agentsDir=" + agentsDir + ", worker=" + worker + ", anthropicBaseUrl="
                + anthropicBaseUrl + ", anthropicApiKey=***, reporting=" + reporting + "]";
    }

    public static RunnerConfig from(Env env) {
        ServiceConfig service = ServiceConfig.from(env);
        Role role = role(env.optional("ALAI_ROLE").orElse("api"));
        Path agents = Path.of(env.required("RUNNER_AGENTS_DIR"));
        int heartbeat = env.integer("RUNNER_HEARTBEAT_SECONDS", 5, 1, 60);
        int lease = env.integer("RUNNER_LEASE_SECONDS", 30, 3, 600);
        if (lease <= 2 * heartbeat) {
            throw new ConfigError("RUNNER_LEASE_SECONDS", "must be over twice RUNNER_HEARTBEAT_SECONDS (" + heartbeat + ")");
        }
        String name = env.optional("WORKER_NAME").or(() -> env.optional("HOSTNAME"))
                .orElse("worker-" + ProcessHandle.current().pid());
        var worker = new WorkerSettings(name, env.integer("RUNNER_SLOTS", 4, 1, 64),
                Duration.ofMillis(env.integer("RUNNER_POLL_MS", 2_000, 50, 60_000)), Duration.ofSeconds(heartbeat),
                Duration.ofSeconds(lease), Path.of(env.optional("RUNNER_WORK_DIR").orElse("/tmp/agent-runs")),
                Duration.ofSeconds(env.integer("RUNNER_DRAIN_SECONDS", service.shutdownGraceSeconds(), 0, 3_600)));
        String baseUrl = env.optional("ANTHROPIC_BASE_URL").orElse("https://api.anthropic.com");
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://127.0.0.1") && !baseUrl.startsWith("http://localhost")) {
            throw new ConfigError("ANTHROPIC_BASE_URL", "must be https:// (or http://127.0.0.1 for a local model server)");
        }
        String key = role.worker() ? env.required("ANTHROPIC_API_KEY") : "";
        return new RunnerConfig(service, role, agents, worker, baseUrl, key,
                Path.of(env.optional("CLAUDE_CODE_BIN").orElse("claude")),
                env.optional("RUNNER_DOT_CLAUDE_DIR").map(Path::of), reporting(env));
    }

    private static Role role(String text) {
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("ALAI_ROLE", "'" + text + "' is not one of api, worker, all");
        }
    }

    private static Optional<Reporting> reporting(Env env) {
        Optional<String> mc = env.optional("MC_URL");
        if (mc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reporting(mc.get(), env.required("HIVEMIND_URL"), env.required("REPORT_TOKEN_URL"),
                env.required("REPORT_CLIENT_ID"), env.required("REPORT_CLIENT_SECRET"),
                env.optional("REPORT_SCOPE").orElse(""), env.optional("RUNNER_PUBLIC_URL").orElse("") + "/runs"));
    }
}
