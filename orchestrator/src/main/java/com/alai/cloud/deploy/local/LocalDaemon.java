package com.alai.cloud.deploy.local;

import com.alai.cloud.migrate.mc.MigrationReport;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.sample.SampleMissionControlDb;
import com.alai.cloud.services.backup.BackupConfig;
import com.alai.cloud.services.backup.local.Azurite;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.HiveMindApi;
import com.alai.cloud.services.hivemind.HiveMindConfig;
import com.alai.cloud.services.mc.McApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The process `local up` leaves running: embedded PostgreSQL with mission_control and hivemind, the sample
 * mission-control.db migrated into it, a local OIDC issuer, mc-api, hivemind-api and Azurite for the backup-job
 * (run on demand by `local backup`). Stops everything on SIGTERM.
 */
public final class LocalDaemon {
    static final String AUDIENCE = "api://alai-control-plane";

    private LocalDaemon() {
    }

    public static void main(String[] args) throws Exception {
        String stack = args[0];
        Path stateFile = Path.of(args[1]);
        Path dir = stateFile.getParent();
        Files.createDirectories(dir);
        var log = new JsonLog("local");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        var issuer = new MockOAuth2Server();
        issuer.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE mission_control");
            s.execute("CREATE DATABASE hivemind");
        }
        String mcDb = "postgres://postgres:@localhost:" + pg.getPort() + "/mission_control";
        Path sample = dir.resolve("mission-control.db");
        SampleMissionControlDb.write(sample, SampleMissionControlDb.TASKS, SampleMissionControlDb.OPEN, 42);
        MigrationReport migration = new MissionControlMigration(line -> log.info(line, Map.of())).run(sample, mcDb, null, false);
        Service mc = McApi.start(ServiceConfig.from(new Env(Map.of(
                "PORT", "0", "DATABASE_URL", mcDb,
                "OIDC_ISSUER", issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", AUDIENCE))));
        HiveMindApi hive = HiveMindApi.start(HiveMindConfig.from(new Env(Map.of(
                "PORT", "0", "DATABASE_URL", "postgres://postgres:@localhost:" + pg.getPort() + "/hivemind",
                "HIVEMIND_REPLICA", "local", "OIDC_ISSUER", issuer.issuerUrl("default").toString(),
                "OIDC_AUDIENCE", AUDIENCE))));
        Azurite azurite = Azurite.start(dir, "alailocal");
        var vars = new LinkedHashMap<String, String>();
        LocalAgents agents = "dev-phase3".equals(stack) ? LocalAgents.start(pg, issuer, AUDIENCE,
                "http://127.0.0.1:" + mc.port(), "http://127.0.0.1:" + hive.port(), dir.resolve("phase3"), vars) : null;
        var stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (agents != null) {
                try {
                    agents.close();
                } catch (Exception e) {
                    log.error("the agent runner did not stop cleanly", Map.of("error", e.getClass().getName()));
                }
            }
            azurite.close();
            hive.close();
            mc.close();
            issuer.shutdown();
            try {
                pg.close();
            } catch (Exception e) {
                log.error("postgres did not stop cleanly", Map.of("error", String.valueOf(e.getMessage())));
            }
            stop.countDown();
        }, "local-down"));
        vars.put("MC_URL", "http://127.0.0.1:" + mc.port());
        vars.put("HIVEMIND_URL", "http://127.0.0.1:" + hive.port());
        vars.put("DATABASE_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/mission_control?user=postgres");
        vars.put("HIVEMIND_DATABASE_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/hivemind?user=postgres");
        vars.put("OIDC_ISSUER", issuer.issuerUrl("default").toString());
        vars.put("TOKEN", issuer.issueToken("default", "operator", AUDIENCE, Map.of("name", "local operator"), 8 * 3600).serialize());
        // What `local backup` (the backup-job, on demand) dumps and where: this server's databases into Azurite.
        vars.put("BACKUP_DATABASE_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
        vars.put("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        vars.put("BACKUP_CONTAINER", BackupConfig.DEFAULT_CONTAINER);
        vars.put("SAMPLE_TASKS", Long.toString(migration.rowsRead()));
        vars.put("SAMPLE_OPEN", Long.toString(migration.openInTarget()));
        vars.put("MIGRATION_VERIFIED", Boolean.toString(migration.clean()));
        new LocalState(stack, ProcessHandle.current().pid(), Instant.now().toString(),
                dir.resolve(stack + ".log").toString(), vars).write(stateFile);
        log.info("local environment ready", Map.of("stack", stack, "mc", vars.get("MC_URL"),
                "hivemind", vars.get("HIVEMIND_URL")));
        stop.await();
    }
}
