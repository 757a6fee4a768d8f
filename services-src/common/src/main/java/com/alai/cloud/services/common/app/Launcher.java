package com.alai.cloud.services.common.app;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.log.JsonLog;
import java.util.Map;

/**
 * A service's main: configuration read and validated (exit 2 naming the variable), the service started (exit 1 with
 * one log line when it cannot), and closed gracefully on SIGTERM.
 */
public final class Launcher {
    @FunctionalInterface
    public interface Configure<C> {
        C from(Env env);
    }

    @FunctionalInterface
    public interface Start<C> {
        AutoCloseable start(C config, JsonLog log) throws Exception;
    }

    private Launcher() {
    }

    /** For a service on the skeleton: {@code start} returns the running {@link Service}. */
    public static <C> void run(String service, Configure<C> configure, java.util.function.Function<C, Service> start) {
        run(service, configure, (config, log) -> start.apply(config));
    }

    public static <C> void run(String service, Configure<C> configure, Start<C> start) {
        var log = new JsonLog(service);
        C config;
        try {
            config = configure.from(Env.system());
        } catch (ConfigError e) {
            log.error("invalid configuration", Map.of("problem", e.getMessage()));
            System.exit(2);
            return;
        }
        AutoCloseable running;
        try {
            running = start.start(config, log);
        } catch (Exception e) {
            // pgjdbc, Hikari and Flyway name the server and the failure in their messages, never the password.
            log.error("start failed", Map.of("error", e.getClass().getName(), "detail", String.valueOf(e.getMessage())));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                log.error("stop failed", Map.of("error", e.getClass().getName()));
            }
        }, "shutdown"));
    }
}
