package com.alai.cloud.services.hivemind;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ServiceConfig;
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
import com.alai.cloud.services.hivemind.web.ws.WsTimers;
import com.alai.cloud.services.hivemind.web.ws.WsUpgrade;
import com.alai.cloud.services.hivemind.ws.Subscriptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * HiveMind API: wires config, database, the LISTEN connection, the fan-out, REST and WebSocket routes and the
 * retention sweep; stops gracefully on SIGTERM (subscribers are told to reconnect elsewhere).
 */
public final class HiveMindApi implements AutoCloseable {
    private final Service service;
    private final NotificationListener listener;
    private final Subscriptions subscriptions;

    private HiveMindApi(Service service, NotificationListener listener, Subscriptions subscriptions) {
        this.service = service;
        this.listener = listener;
        this.subscriptions = subscriptions;
    }

    public static HiveMindApi start(HiveMindConfig config) {
        ServiceConfig settings = config.service();
        // One logger a replica, so two replicas in one process (tests, `local up`) can be told apart.
        var service = Service.builder("hivemind-api." + config.replica(), settings, "classpath:db/migration/hivemind");
        DataSource db = service.dataSource();
        JsonLog log = service.log();
        var topics = new TopicStore(db);
        var messages = new MessageStore(db);
        var groups = new GroupStore(db);
        var access = new Access(topics);
        var gate = new SubscribeGate(service.verifier(), access, groups);
        var fanout = new Fanout(messages);
        var listener = new NotificationListener(() -> listenConnection(settings, config.replica()), fanout, access, log);
        var subscriptions = new Subscriptions(gate, messages, groups, fanout, config.window(), config.buffer(), log);
        var timers = new WsTimers(config.wsPingSeconds(), config.wsCloseSeconds());
        var sweeper = new RetentionSweeper(db, log);
        Service running = service.openApi(HiveMindApi.class, "/hivemind-api/openapi.json")
                .routes(() -> new TopicRoutes(topics, messages, groups, access, gate, config.maxPayloadBytes()).routes())
                .upgrade(new WsUpgrade(subscriptions, Subscriptions.MAX_MESSAGE_BYTES, timers, log))
                // Readiness needs the LISTEN session too: without it this replica would miss other replicas' messages.
                .readyWhen(listener::connected)
                .afterMigrate(listener::start)
                .afterMigrate(() -> sweeper.every(config.sweepSeconds()))
                // Subscribers hear 1001 (reconnect elsewhere) before the server stops.
                .beforeStop(subscriptions::closeAll)
                .closeOnStop(listener)
                .closeOnStop(sweeper)
                .closeOnStop(timers)
                .start();
        return new HiveMindApi(running, listener, subscriptions);
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
        return service.port();
    }

    public Service service() {
        return service;
    }

    public NotificationListener listener() {
        return listener;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public void close() {
        service.close();
    }

    public static void main(String[] args) {
        Launcher.run("hivemind-api", HiveMindConfig::from, (HiveMindConfig config) -> start(config).service());
    }
}
