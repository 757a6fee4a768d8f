package com.alai.cloud.services.common.app;

import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.db.Database;
import com.alai.cloud.services.common.http.HttpService;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.common.log.JsonLog;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A running service, the skeleton every service stands on: Helidon HTTP with /healthz, /readyz, bearer-token auth
 * per route, problem+json errors and a JSON log line per request; its pool and Flyway migrations; its OpenAPI
 * document at GET /openapi.json; a graceful stop. Start order: listen (liveness answers at once), build the routes,
 * open the pool and migrate, run the service's own start steps; until then /readyz and every route answer 503
 * problem+json with Retry-After. A service that cannot migrate stops and throws, so the platform restarts it.
 * See services-src/README.md, "Starting a new service".
 */
public final class Service implements AutoCloseable {
    private final String name;
    private final Database database;
    private final HttpService http;
    private final List<Runnable> beforeStop;
    private final List<AutoCloseable> afterStop;
    private final JsonLog log;
    private volatile Routes routes = new Routes();

    private Service(Builder b, HttpService http) {
        this.name = b.name;
        this.database = b.database;
        this.http = http;
        this.beforeStop = List.copyOf(b.beforeStop);
        this.afterStop = List.copyOf(b.afterStop);
        this.log = b.log;
    }

    /** A service named {@code name} (its logger, its log lines) whose Flyway migrations live at {@code migrations}. */
    public static Builder builder(String name, ServiceConfig config, String migrations) {
        return new Builder(name, config, migrations);
    }

    /** A service that keeps no database (config from {@link ServiceConfig#withoutDatabase}): ready once started. */
    public static Builder builder(String name, ServiceConfig config) {
        return new Builder(name, config, null);
    }

    public int port() {
        return http.port();
    }

    /** The service's database; null for a service built without one. */
    public Database database() {
        return database;
    }

    /** The routes served (the skeleton's /openapi.json included, /healthz and /readyz not), for the OpenAPI check. */
    public Routes routes() {
        return routes;
    }

    /** Tells long-lived clients first, then stops the server (in-flight requests get the grace), then the rest. */
    @Override
    public void close() {
        beforeStop.forEach(Runnable::run);
        http.close();
        for (AutoCloseable resource : afterStop.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.error("stop failed", Map.of("resource", resource.getClass().getName(), "error", e.getClass().getName()));
            }
        }
        if (database != null) {
            database.close();
        }
        log.info("stopped", Map.of("service", name));
    }

    /** What a service brings to the skeleton; everything but the routes is optional. */
    public static final class Builder {
        private final String name;
        private final ServiceConfig config;
        private final Database database;
        private final JwtVerifier verifier;
        private final JsonLog log;
        private Supplier<Routes> routes = Routes::new;
        private byte[] openApi;
        private final List<Http1Upgrader> upgraders = new ArrayList<>();
        private final List<BooleanSupplier> readiness = new ArrayList<>();
        private final List<StartStep> afterMigrate = new ArrayList<>();
        private final List<Runnable> beforeStop = new ArrayList<>();
        private final List<AutoCloseable> afterStop = new ArrayList<>();

        /** A step run once the schema is migrated (e.g. a LISTEN session); its failure stops the service. */
        @FunctionalInterface
        public interface StartStep {
            void run() throws Exception;
        }

        private Builder(String name, ServiceConfig config, String migrations) {
            this.name = name;
            this.config = config;
            this.database = migrations == null ? null : new Database(config, migrations);
            this.verifier = new JwtVerifier(config.oidcIssuer(), config.oidcAudience());
            this.log = new JsonLog(name);
        }

        /** The pool as the application uses it: refuses connections (503, retry) until migrated. */
        public DataSource dataSource() {
            if (database == null) {
                throw new IllegalStateException(name + " was built without a database");
            }
            return database.dataSource();
        }

        public JwtVerifier verifier() {
            return verifier;
        }

        public JsonLog log() {
            return log;
        }

        public ServiceConfig config() {
            return config;
        }

        /** The application's routes, built after the server listens. */
        public Builder routes(Supplier<Routes> routes) {
            this.routes = routes;
            return this;
        }

        /**
         * Serves this classpath resource, publicly, as GET /openapi.json. Name it under the service's own folder
         * ({@code /mc-api/openapi.json}): several services share one classpath in `local up` and the tests.
         */
        public Builder openApi(Class<?> owner, String resource) {
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no resource " + resource + " beside " + owner.getName());
                }
                this.openApi = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
            return this;
        }

        /** An HTTP/1.1 upgrade (WebSocket) the server hands connections to. */
        public Builder upgrade(Http1Upgrader upgrader) {
            upgraders.add(upgrader);
            return this;
        }

        /** A further condition for /readyz, beside the database answering. */
        public Builder readyWhen(BooleanSupplier ready) {
            readiness.add(ready);
            return this;
        }

        public Builder afterMigrate(StartStep step) {
            afterMigrate.add(step);
            return this;
        }

        /** Runs before the server stops: tell long-lived clients (subscribers) to go elsewhere. */
        public Builder beforeStop(Runnable step) {
            beforeStop.add(step);
            return this;
        }

        /** Closed after the server stops, last added first. */
        public Builder closeOnStop(AutoCloseable resource) {
            afterStop.add(resource);
            return this;
        }

        public Service start() {
            BooleanSupplier ready = () -> (database == null || database.ready())
                    && readiness.stream().allMatch(BooleanSupplier::getAsBoolean);
            var http = new HttpService(config.port(), ready, log, config.maxBodyBytes(), config.shutdownGraceSeconds(),
                    upgraders).start();
            var service = new Service(this, http);
            try {
                Routes application = routes.get();
                if (openApi != null) {
                    byte[] document = openApi;
                    application.publicGet("/openapi.json", r -> Response.raw(200, "application/json", document));
                }
                http.serve(application, verifier);
                service.routes = application;
                if (database != null) {
                    database.migrate();
                }
                for (StartStep step : afterMigrate) {
                    step.run();
                }
            } catch (Exception e) {
                // A replica that cannot migrate must exit, not stay live and never ready: the platform restarts it.
                service.close();
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
            }
            log.info("ready", Map.of("port", http.port()));
            return service;
        }
    }
}
