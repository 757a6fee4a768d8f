package com.alai.cloud.services.router;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.router.route.RouteTable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The router's settings, from the environment, each error naming its variable. The route table and the cap come
 * from the phase 5 stack (Pulumi.dev.yaml: ollamaEndpoints, the fallback, usageFallbackMTokensPerMonth and the
 * price table's price); the hosted fallback's key arrives only through a secretRef.
 */
public record RouterConfig(ServiceConfig service, RouteTable routes, String fallbackApiKey, Duration firstByte,
                           Duration connect, Duration probeInterval, Duration cooldown, double capMTokens,
                           double pricePerMToken, Optional<InetSocketAddress> tailnetProxy) {

    @Override
    public String toString() {
        return "RouterConfig[service=" + service + ", routes=" + routes + ", fallbackApiKey=***, firstByte=" + firstByte
                + ", probeInterval=" + probeInterval + ", cooldown=" + cooldown + ", capMTokens=" + capMTokens + "]";
    }

    public static RouterConfig from(Env env) {
        RouteTable routes;
        try {
            routes = RouteTable.parse(env.required("ROUTER_ROUTES"), Json.mapper());
        } catch (IllegalArgumentException e) {
            throw new ConfigError("ROUTER_ROUTES", e.getMessage());
        }
        boolean metered = routes.backends().stream().anyMatch(b -> b.metered());
        String key = metered ? env.required("ROUTER_FALLBACK_API_KEY") : env.optional("ROUTER_FALLBACK_API_KEY").orElse("");
        return new RouterConfig(ServiceConfig.from(env), routes, key,
                millis(env, "ROUTER_FIRST_BYTE_MS", 30_000, 100),
                millis(env, "ROUTER_CONNECT_MS", 2_000, 50),
                millis(env, "ROUTER_PROBE_MS", 10_000, 50),
                millis(env, "ROUTER_COOLDOWN_MS", 5_000, 0),
                metered ? decimal(env, "ROUTER_FALLBACK_CAP_MTOKENS") : 0,
                metered ? decimal(env, "ROUTER_FALLBACK_PRICE_PER_MTOKEN") : 0,
                env.optional("ROUTER_TAILNET_PROXY").map(RouterConfig::proxy));
    }

    private static Duration millis(Env env, String name, int fallback, int min) {
        return Duration.ofMillis(env.integer(name, fallback, min, 600_000));
    }

    private static double decimal(Env env, String name) {
        String raw = env.required(name);
        try {
            double value = Double.parseDouble(raw);
            if (!(value >= 0 && value <= 1_000_000)) {
                throw new ConfigError(name, raw + " is outside 0..1000000");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigError(name, "'" + raw + "' is not a number");
        }
    }

    private static InetSocketAddress proxy(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 1 || !hostPort.substring(colon + 1).matches("\\d{1,5}")) {
            throw new ConfigError("ROUTER_TAILNET_PROXY", "'" + hostPort + "' must be HOST:PORT (the sidecar's HTTP proxy)");
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
