package com.alai.cloud.services.hivemind;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.db.Database;
import com.alai.cloud.services.common.http.Dispatcher;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.access.Access;
import com.alai.cloud.services.hivemind.access.SubscribeGate;
import com.alai.cloud.services.hivemind.bus.Fanout;
import com.alai.cloud.services.hivemind.bus.NotificationListener;
import com.alai.cloud.services.hivemind.rest.TopicRoutes;
import com.alai.cloud.services.hivemind.store.GroupStore;
import com.alai.cloud.services.hivemind.store.MessageStore;
import com.alai.cloud.services.hivemind.store.RetentionSweeper;
import com.alai.cloud.services.hivemind.store.TopicStore;
import com.alai.cloud.services.hivemind.web.HelidonServer;
import com.alai.cloud.services.hivemind.web.ws.WsTimers;
import com.alai.cloud.services.hivemind.web.ws.WsUpgrade;
import com.alai.cloud.services.hivemind.ws.Subscriptions;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * HiveMind API: wires config, database, the LISTEN connection, the fan-out, REST and WebSocket routes and the
 * retention sweep; stops gracefully on SIGTERM (subscribers are told to reconnect elsewhere).
 */
public final class HiveMindApi implements AutoCloseable {
    private final Database database;
    private final NotificationListener listener;
    private final RetentionSweeper sweeper;
    private final Subscriptions subscriptions;
    private final WsTimers timers;
    private final HelidonServer http;
    private final JsonLog log;

    private HiveMindApi(Database database, NotificationListener listener, RetentionSweeper sweeper,
                        Subscriptions subscriptions, WsTimers timers, HelidonServer http, JsonLog log) {
        this.database = database;
        this.listener = listener;
        this.sweeper = sweeper;
        this.subscriptions = subscriptions;
        this.timers = timers;
        this.http = http;
        this.log = log;
    }

    public static HiveMindApi start(HiveMindConfig config, JsonLog log) throws IOException {
        ServiceConfig service = config.service();
        var database = new Database(service, "classpath:db/migration/hivemind");
        var topics = new TopicStore(database.dataSource());
        var messages = new MessageStore(database.dataSource());
        var groups = new GroupStore(database.dataSource());
        var verifier = new JwtVerifier(service.oidcIssuer(), service.oidcAudience());
        var access = new Access(topics);
        var gate = new SubscribeGate(verifier, access, groups);
        var fanout = new Fanout(messages);
        var listener = new NotificationListener(() -> listenConnection(service, config.replica()), fanout, access, log);
        var subscriptions = new Subscriptions(gate, messages, groups, fanout, config.window(), config.buffer(), log);
        var routes = new TopicRoutes(topics, messages, groups, access, gate, config.maxPayloadBytes(), openApi()).routes();
        var dispatcher = new Dispatcher(routes, verifier, () -> database.ready() && listener.connected(), log,
                service.maxBodyBytes());
        var timers = new WsTimers(config.wsPingSeconds(), config.wsCloseSeconds());
        var upgrade = new WsUpgrade(subscriptions, Subscriptions.MAX_MESSAGE_BYTES, timers, log);
        var http = new HelidonServer(service.port(), dispatcher, upgrade, service.shutdownGraceSeconds()).start();
        log.info("listening", Map.of("port", http.port()));
        // Listening first: liveness answers during the logins and migrations, readiness once LISTEN is up too.
        try {
            database.migrate();
        } catch (RuntimeException e) {
            // A replica that cannot migrate must exit, not stay live and never ready: the platform restarts it.
            http.close();
            timers.close();
            database.close();
            throw e;
        }
        listener.start();
        var sweeper = new RetentionSweeper(database.dataSource(), log).every(config.sweepSeconds());
        log.info("ready", Map.of("port", http.port()));
        return new HiveMindApi(database, listener, sweeper, subscriptions, timers, http, log);
    }

    // Outside the pool: LISTEN belongs to a session, and a pooled connection would be handed to someone else.
    private static Connection listenConnection(ServiceConfig service, String replica) throws SQLException {
        var props = new Properties();
        props.setProperty("user", service.dbUser());
        props.setProperty("password", service.dbPassword());
        props.setProperty("ApplicationName", "hivemind-listen-" + replica);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(service.jdbcUrl(), props);
    }

    public int port() {
        return http.port();
    }

    public NotificationListener listener() {
        return listener;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public void close() {
        subscriptions.closeAll();
        http.close();
        timers.close();
        sweeper.close();
        listener.close();
        database.close();
        log.info("stopped", Map.of());
    }

    static byte[] openApi() throws IOException {
        try (InputStream in = HiveMindApi.class.getResourceAsStream("/openapi.json")) {
            return in.readAllBytes();
        }
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Launcher.run("hivemind-api", HiveMindConfig::from, HiveMindApi::start);
    }
}
