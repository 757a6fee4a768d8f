package com.alai.cloud.services.runner;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.runner.agent.DefinitionSource;
import com.alai.cloud.services.runner.agent.DirectoryDefinitions;
import com.alai.cloud.services.runner.queue.Backoff;
import com.alai.cloud.services.runner.report.ControlPlane;
import com.alai.cloud.services.runner.report.Reporter;
import com.alai.cloud.services.runner.report.TokenSource;
import com.alai.cloud.services.runner.queue.EventLog;
import com.alai.cloud.services.runner.queue.RunQueue;
import com.alai.cloud.services.runner.queue.RunStore;
import com.alai.cloud.services.runner.queue.Signals;
import com.alai.cloud.services.runner.runtime.AgentRuntime;
import com.alai.cloud.services.runner.runtime.NoopRuntime;
import com.alai.cloud.services.runner.runtime.Prices;
import com.alai.cloud.services.runner.runtime.claude.ClaudeCodeRuntime;
import com.alai.cloud.services.runner.runtime.messages.MessagesRuntime;
import com.alai.cloud.services.runner.web.RunRoutes;
import com.alai.cloud.services.runner.worker.Worker;
import com.anthropic.client.AnthropicClient;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The agent runner: the runs API ({@code ALAI_ROLE=api}), a worker ({@code worker}), or both ({@code all}), on one
 * PostgreSQL queue. Agent definitions are read from {@code RUNNER_AGENTS_DIR} at start.
 */
public final class AgentRunner {
    private AgentRunner() {
    }

    public static Service start(RunnerConfig config) {
        ServiceConfig settings = config.service();
        DefinitionSource agents = DirectoryDefinitions.load(config.agentsDir());
        var service = Service.builder("agent-runner." + config.worker().name(), settings,
                "classpath:db/migration/runner");
        DataSource db = service.dataSource();
        var signals = new Signals(() -> listenConnection(settings, config.worker().name()), service.log());
        var store = new RunStore(db);
        var events = new EventLog(db);
        service.afterMigrate(signals::start).closeOnStop(signals);
        if (config.role().api()) {
            service.openApi(AgentRunner.class, "/agent-runner/openapi.json")
                    .routes(() -> new RunRoutes(store, events, agents, signals).routes());
        } else {
            service.routes(Routes::new);
        }
        if (config.role().worker()) {
            AnthropicClient anthropic = MessagesRuntime.client(config.anthropicBaseUrl(), config.anthropicApiKey());
            Map<String, AgentRuntime> runtimes = new HashMap<>();
            runtimes.put("noop", new NoopRuntime());
            Prices prices = Prices.load();
            runtimes.put("messages", new MessagesRuntime(anthropic, prices, 8_192));
            runtimes.put("claude-code", new ClaudeCodeRuntime(config.claudeBin(), config.anthropicBaseUrl(),
                    config.anthropicApiKey(), config.dotClaude(), prices));
            var worker = new Worker(config.worker(), new RunQueue(db, Backoff.DEFAULT), agents, runtimes, signals,
                    service.log());
            service.afterMigrate(worker::start).closeOnStop(anthropic::close).closeOnStop(worker);
            config.reporting().ifPresent(r -> {
                var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                var plane = new ControlPlane(http, new TokenSource(http, r.tokenUrl(), r.clientId(), r.clientSecret(),
                        r.scope()), r.mcUrl(), r.hivemindUrl());
                var reporter = new Reporter(db, plane, r.runsUrl(), service.log());
                service.afterMigrate(reporter::start).closeOnStop(reporter);
            });
        }
        return service.start();
    }

    // Outside the pool: LISTEN belongs to a session, and a pooled connection would be handed to someone else.
    private static Connection listenConnection(ServiceConfig service, String name) throws SQLException {
        var props = new Properties();
        props.setProperty("user", service.dbUser());
        props.setProperty("password", service.dbPassword());
        props.setProperty("ApplicationName", "agent-runner-listen-" + name);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(service.jdbcUrl(), props);
    }

    public static void main(String[] args) {
        Launcher.run("agent-runner", RunnerConfig::from, AgentRunner::start);
    }
}
