package com.alai.cloud.services.router;

import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.router.proxy.Catalog;
import com.alai.cloud.services.router.proxy.Front;
import com.alai.cloud.services.router.proxy.ModelRouter;
import com.alai.cloud.services.router.proxy.Upstream;
import com.alai.cloud.services.router.route.Backend;
import com.alai.cloud.services.router.route.Health;
import com.alai.cloud.services.router.route.Prober;
import com.alai.cloud.services.router.usage.Ledger;
import com.alai.cloud.services.router.usage.SpendCap;
import com.alai.cloud.services.router.usage.Tokens;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The model router (phase 5): Ollama's API and OpenAI's chat completions in front of ANVIL, FORGE and Together,
 * in that order, so a script changes only its host. Public routes: it is reached only from inside the Container
 * Apps environment (internal ingress) and from the tailnet, as Ollama itself is.
 */
public final class RouterApi {
    private RouterApi() {
    }

    public static Service start(RouterConfig config) {
        var service = Service.builder("model-router", config.service(), "classpath:db/migration/router");
        var json = Json.mapper();
        var health = new Health(Clock.systemUTC(), config.cooldown());
        Function<Backend, HttpClient> clients = clients(config);
        var upstream = new Upstream(clients, config.firstByte());
        var cap = new SpendCap(new Ledger(service.dataSource()), config.capMTokens(), config.pricePerMToken());
        var router = new ModelRouter(config.routes(), health, upstream, cap, config.fallbackApiKey(), json, service.log());
        var catalog = new Catalog(config.routes(), health, upstream, json);
        var prober = new Prober(config.routes(), health, clients, config.probeInterval(),
                config.connect().plus(config.connect()), json, service.log());
        return service.openApi(RouterApi.class, "/model-router/openapi.json")
                .routes(() -> new Routes()
                        .publicGet("/", r -> Response.raw(200, "text/plain; charset=utf-8",
                                "Ollama is running".getBytes(StandardCharsets.UTF_8)))
                        .open("POST", "/api/chat", null, (r, open) -> router.handle(Front.OLLAMA_CHAT, r, open))
                        .open("POST", "/api/generate", null, (r, open) -> router.handle(Front.OLLAMA_GENERATE, r, open))
                        .open("POST", "/v1/chat/completions", null, (r, open) -> router.handle(Front.OPENAI_CHAT, r, open))
                        .publicGet("/api/tags", r -> catalog.tags())
                        .post("/api/show", null, catalog::show)
                        .publicGet("/router/status", r -> Response.json(200, status(config, health, cap))))
                .afterMigrate(prober::start)
                .closeOnStop(upstream)
                .closeOnStop(prober)
                .start();
    }

    /** Each route's circuit and the month's metered spend: what `alai-deploy status` and `validate` read. */
    static Map<String, Object> status(RouterConfig config, Health health, SpendCap cap) throws java.sql.SQLException {
        List<Map<String, String>> routes = config.routes().backends().stream()
                .map(b -> Map.of("name", b.name(), "kind", b.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "circuit", health.describe(b)))
                .toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("routes", routes);
        Tokens used = cap.ledger().monthToDate();
        body.put("fallback", Map.of("monthTokens", used.total(), "monthUsd", Math.round(cap.spend(used) * 100) / 100.0,
                "capUsd", Math.round(cap.capUsd() * 100) / 100.0));
        return body;
    }

    // The Ollama backends are on the tailnet: through the sidecar's HTTP proxy when one is set. The hosted ones
    // are on the internet and go direct.
    private static Function<Backend, HttpClient> clients(RouterConfig config) {
        HttpClient direct = client(config, null);
        HttpClient tailnet = config.tailnetProxy().map(p -> client(config, ProxySelector.of(p))).orElse(direct);
        return b -> b.kind() == Backend.Kind.OLLAMA ? tailnet : direct;
    }

    private static HttpClient client(RouterConfig config, ProxySelector proxy) {
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connect())
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder.build();
    }

    public static void main(String[] args) {
        Launcher.run("model-router", RouterConfig::from, RouterApi::start);
    }
}
