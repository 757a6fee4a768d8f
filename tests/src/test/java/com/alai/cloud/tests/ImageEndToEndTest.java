package com.alai.cloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.deploy.local.LocalEnvironment;
import com.alai.cloud.deploy.local.LocalState;
import com.alai.cloud.images.AotTrainer;
import com.alai.cloud.images.BaseImage;
import com.alai.cloud.images.BuiltImage;
import com.alai.cloud.images.ImageSpec;
import com.alai.cloud.images.JlinkRuntime;
import com.alai.cloud.images.RegistryAuth;
import com.alai.cloud.images.ServiceImageBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Build mc-api's image, push it to a real registry (Debian's docker-registry on 127.0.0.1), inspect it with skopeo,
 * run it with podman against real PostgreSQL and a real issuer, and get 200 from /healthz. `.ci/run` installs them.
 */
class ImageEndToEndTest {
    static final List<String> PODMAN = List.of("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs",
            "--storage-driver", "vfs");
    static Process registry;
    static int registryPort;
    static Path dir;
    static BuiltImage pushed;
    static LocalEnvironment local;
    static LocalState state;

    @BeforeAll
    static void pushAndStart() throws Exception {
        dir = Files.createTempDirectory("alai-e2e");
        try (var socket = new ServerSocket(0)) {
            registryPort = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("registry.yml"), "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + registryPort + "\n");
        registry = new ProcessBuilder("docker-registry", "serve", dir.resolve("registry.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        Await.until(java.time.Duration.ofSeconds(30), "the registry answering", () -> reachable("http://127.0.0.1:" + registryPort + "/v2/"));
        var builder = new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), dir.resolve("runtimes")), dir, l -> { });
        pushed = builder.push(ImageSpec.of(Offline.HOME.resolve("services-src"), "mc-api"),
                "127.0.0.1:" + registryPort + "/mc-api", RegistryAuth.anonymous(true));
        // A run cut short leaves its containers behind; their names must be free.
        run(List.of("rm", "-f", "--ignore", "alai-e2e-mc-api", "alai-e2e-aot", "alai-e2e-base"), 60);
        local = new LocalEnvironment(dir.resolve("state"), l -> { });
        state = local.up("dev-phase2");
    }

    @AfterAll
    static void stop() throws Exception {
        run(List.of("rm", "-f", "--ignore", "alai-e2e-mc-api", "alai-e2e-aot", "alai-e2e-base"), 60);
        if (local != null) {
            local.down("dev-phase2");
        }
        if (registry != null) {
            registry.destroy();
        }
    }

    static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    static boolean reachable(String url) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String run(List<String> args, int timeoutSeconds) throws Exception {
        var command = new ArrayList<>(args.get(0).equals("skopeo") ? List.<String>of() : PODMAN);
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Test
    void skopeoSeesThePushedDigest() throws Exception {
        String inspect = run(List.of("skopeo", "inspect", "--tls-verify=false", "docker://" + pushed.pinned()), 60);
        assertThat(new ObjectMapper().readTree(inspect).path("Digest").asText()).isEqualTo(pushed.digest());
    }

    static String database() {
        return state.vars().get("DATABASE_URL").replace("jdbc:postgresql://", "postgres://postgres:@").replace("?user=postgres", "");
    }

    @Test
    void theImageRunsUnderPodmanAndAnswersHealthz() throws Exception {
        String db = database();
        run(List.of("run", "-d", "--name", "alai-e2e-mc-api", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096",
                "--network", "host", "--tls-verify=false", "-e", "PORT=18099", "-e", "DATABASE_URL=" + db,
                "-e", "OIDC_ISSUER=" + state.vars().get("OIDC_ISSUER"), "-e", "OIDC_AUDIENCE=api://alai-control-plane",
                pushed.pinned()), 300);
        Await.until(java.time.Duration.ofSeconds(120), "/healthz answering 200", () -> status("http://127.0.0.1:18099/healthz") == 200);
        assertThat(run(List.of("exec", "alai-e2e-mc-api", "/opt/java/bin/java", "-XshowSettings:properties", "-version"), 60))
                .contains("user.name = app");
    }

    // The JVM quietly ignores a cache that does not fit (another class path, other file times): the class-load log
    // shows whether the service's own classes came from it.
    @Test
    void anImageWithItsTrainedAotCacheStartsWithTheCacheInUse() throws Exception {
        assertThat(Runtime.version().feature()).as("training an AOT cache (-XX:AOTCacheOutput) needs the tests on JDK >= 25")
                .isGreaterThanOrEqualTo(25);
        ImageSpec spec = ImageSpec.of(Offline.HOME.resolve("services-src"), "mc-api");
        var builder = new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), dir.resolve("runtimes")), dir, l -> { });
        Path baseTar = dir.resolve("aot-base.tar");
        builder.toTar(spec, baseTar);
        var training = new AotTrainer.Training(Map.of("DATABASE_URL", database(), "OIDC_ISSUER", state.vars().get("OIDC_ISSUER"),
                "OIDC_AUDIENCE", "api://alai-control-plane"), state.vars().get("TOKEN"), List.of("/tasks?limit=5", "/stats"));
        Path cache = new AotTrainer(PODMAN, dir, l -> { }).train(spec, baseTar, training);
        // What the training was given at run time (here the bearer token) must not be baked into the image.
        assertThat(new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1)).doesNotContain(state.vars().get("TOKEN"));
        Path aotTar = dir.resolve("aot.tar");
        builder.toTar(spec.withAotCache(cache), aotTar);
        String image = AotTrainer.loaded(run(List.of("load", "-i", aotTar.toString()), 300));
        run(List.of("run", "-d", "--name", "alai-e2e-aot", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096",
                "--network", "host", "-e", "PORT=18097", "-e", "DATABASE_URL=" + database(),
                "-e", "OIDC_ISSUER=" + state.vars().get("OIDC_ISSUER"), "-e", "OIDC_AUDIENCE=api://alai-control-plane",
                "-e", "JAVA_TOOL_OPTIONS=-Xlog:class+load=info:stdout", image), 300);
        Await.until(java.time.Duration.ofSeconds(120), "/readyz answering 200", () -> status("http://127.0.0.1:18097/readyz") == 200);
        String classes = run(List.of("logs", "alai-e2e-aot"), 60);
        assertThat(classes).contains("com.alai.cloud.services.mc.McApi source: shared objects file",
                "com.alai.cloud.services.mc.TaskRoutes source: shared objects file");
    }

    // The pushed mc-api image stands in for distroless (unreachable here): a registry image that brings its own Java.
    @Test
    void aServiceBuildsOnARegistryBaseImageThatBringsItsOwnJava() throws Exception {
        var base = BaseImage.registry(pushed.pinned(), "/opt/java/bin/java", RegistryAuth.anonymous(true));
        var builder = new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), dir.resolve("runtimes")),
                Files.createDirectories(dir.resolve("on-base")), l -> { }, base);
        BuiltImage onBase = builder.push(ImageSpec.of(Offline.HOME.resolve("services-src"), "mc-api"),
                "127.0.0.1:" + registryPort + "/mc-api-on-base", RegistryAuth.anonymous(true));
        var mapper = new ObjectMapper();
        var baseLayers = mapper.readTree(run(List.of("skopeo", "inspect", "--tls-verify=false", "docker://" + pushed.pinned()), 60)).path("Layers");
        var layers = mapper.readTree(run(List.of("skopeo", "inspect", "--tls-verify=false", "docker://" + onBase.pinned()), 60)).path("Layers");
        assertThat(layers.size()).isEqualTo(baseLayers.size() + 2);
        for (int i = 0; i < baseLayers.size(); i++) {
            assertThat(layers.get(i)).isEqualTo(baseLayers.get(i));
        }
        run(List.of("run", "-d", "--name", "alai-e2e-base", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096",
                "--network", "host", "--tls-verify=false", "-e", "PORT=18096", "-e", "DATABASE_URL=" + database(),
                "-e", "OIDC_ISSUER=" + state.vars().get("OIDC_ISSUER"), "-e", "OIDC_AUDIENCE=api://alai-control-plane",
                onBase.pinned()), 300);
        Await.until(java.time.Duration.ofSeconds(120), "/healthz answering 200", () -> status("http://127.0.0.1:18096/healthz") == 200);
    }
}
