package com.alai.cloud.services.hivemind;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;

/**
 * HiveMind's settings on top of every service's: the replica's name (Container Apps sets HOSTNAME), payload bound,
 * retention sweep interval, the per-subscriber in-flight window and live buffer that bound a slow consumer's memory,
 * and the WebSocket keepalive and close bounds.
 */
public record HiveMindConfig(ServiceConfig service, String replica, int maxPayloadBytes, int sweepSeconds, int window,
                             int buffer, int wsPingSeconds, int wsCloseSeconds) {

    public static HiveMindConfig from(Env env) {
        String replica = env.optional("HIVEMIND_REPLICA").or(() -> env.optional("HOSTNAME")).orElse("local");
        if (!replica.matches("[A-Za-z0-9._-]{1,48}")) {
            throw new ConfigError("HIVEMIND_REPLICA", "must be 1-48 of A-Z a-z 0-9 . _ - (it names the LISTEN session)");
        }
        return new HiveMindConfig(ServiceConfig.from(env), replica,
                env.integer("HIVEMIND_MAX_PAYLOAD_BYTES", 64 * 1024, 256, 1024 * 1024),
                env.integer("HIVEMIND_SWEEP_SECONDS", 60, 1, 86_400),
                env.integer("HIVEMIND_WS_WINDOW", 256, 1, 10_000),
                env.integer("HIVEMIND_WS_BUFFER", 2_048, 16, 100_000),
                // At most 120: a silent peer is pinged within two intervals, well inside Helidon's 5-minute idle cut.
                env.integer("HIVEMIND_WS_PING_SECONDS", 30, 1, 120),
                env.integer("HIVEMIND_WS_CLOSE_SECONDS", 5, 1, 60));
    }
}
