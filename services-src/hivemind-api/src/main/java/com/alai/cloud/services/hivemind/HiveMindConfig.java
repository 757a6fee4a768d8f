package com.alai.cloud.services.hivemind;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;

/**
 * HiveMind's settings on top of every service's: the replica's name (Container Apps sets HOSTNAME), payload bound, retention sweep interval, and the per-subscriber
 * in-flight window and live buffer that bound a slow consumer's memory.
 */
public record HiveMindConfig(ServiceConfig service, String replica, int maxPayloadBytes, int sweepSeconds, int window,
                             int buffer) {

    public static HiveMindConfig from(Env env) {
        String replica = env.optional("HIVEMIND_REPLICA").or(() -> env.optional("HOSTNAME")).orElse("local");
        if (!replica.matches("[A-Za-z0-9._-]{1,48}")) {
            throw new ConfigError("HIVEMIND_REPLICA", "must be 1-48 of A-Z a-z 0-9 . _ - (it names the LISTEN session)");
        }
        return new HiveMindConfig(ServiceConfig.from(env), replica,
                env.integer("HIVEMIND_MAX_PAYLOAD_BYTES", 64 * 1024, 256, 1024 * 1024),
                env.integer("HIVEMIND_SWEEP_SECONDS", 60, 1, 86_400),
                env.integer("HIVEMIND_WS_WINDOW", 256, 1, 10_000),
                env.integer("HIVEMIND_WS_BUFFER", 2_048, 16, 100_000));
    }
}
