package com.alai.cloud.services.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.config.ServiceConfig;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Liveness comes before the database, so a replica that cannot migrate must close its port and fail, not linger. */
class StartFailureTest {

    @Test
    void aReplicaThatCannotReachItsDatabaseFailsAndFreesItsPort() throws Exception {
        int closedDb;
        int port;
        try (var a = new ServerSocket(0); var b = new ServerSocket(0)) {
            closedDb = a.getLocalPort();
            port = b.getLocalPort();
        }
        var config = new ServiceConfig(port, "jdbc:postgresql://127.0.0.1:" + closedDb + "/mission_control", "postgres", "",
                1, "http://localhost:1/unused", "aud", 1024, 0);
        assertThatThrownBy(() -> McApi.start(config))
                .isInstanceOf(RuntimeException.class);
        try (var again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
