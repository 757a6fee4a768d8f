package com.alai.cloud.services.common.app;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.log.JsonLog;
import java.util.Map;

/**
 * A service's or a job's main: configuration read and validated (exit 2 naming the variable), the service started
 * (exit 1 with one log line when it cannot) and closed gracefully on SIGTERM, or the job run to its exit code.
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

    /** A run-to-completion job: it returns when done, or throws. */
    @FunctionalInterface
    public interface Job<C> {
        Object run(C config, JsonLog log) throws Exception;
    }

    private Launcher() {
    }

    /** A job's main: configuration validated (exit 2), the job run (exit 1 with one log line when it fails), exit 0. */
    public static <C> void runJob(String job, Configure<C> configure, Job<C> work) {
        var log = new JsonLog(job);
        C config = configure(log, configure);
        try {
            work.run(config, log);
        } catch (Exception e) {
            log.error("failed", Map.of("error", e.getClass().getName(), "detail", String.valueOf(e.getMessage())));
            System.exit(1);
        }
        System.exit(0);
    }

    private static <C> C configure(JsonLog log, Configure<C> configure) {
        try {
            return configure.from(Env.system());
        } catch (ConfigError e) {
            log.error("invalid configuration", Map.of("problem", e.getMessage()));
            System.exit(2);
            throw e;
        }
    }

    /** For a service on the skeleton: {@code start} returns the running {@link Service}. */
    public static <C> void run(String service, Configure<C> configure, java.util.function.Function<C, Service> start) {
        run(service, configure, (config, log) -> start.apply(config));
    }

    private static <C> void run(String service, Configure<C> configure, Start<C> start) {
        var log = new JsonLog(service);
        C config = configure(log, configure);
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
