package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ServiceConfig;
import javax.sql.DataSource;

/** Mission Control API on the service skeleton: its routes, its migrations and its OpenAPI document. */
public final class McApi {
    private McApi() {
    }

    public static Service start(ServiceConfig config) {
        var service = Service.builder("mc-api", config, "classpath:db/migration/mc");
        DataSource db = service.dataSource();
        return service.openApi(McApi.class, "/mc-api/openapi.json")
                .routes(() -> new TaskRoutes(new TaskRepository(db), new StatsRepository(db), new ChangeFeed(),
                        new CommentRepository(db)).routes())
                .start();
    }

    public static void main(String[] args) {
        Launcher.run("mc-api", ServiceConfig::from, McApi::start);
    }
}
