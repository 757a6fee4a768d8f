package com.alai.cloud.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mc-api's real jar into an OCI tarball: reproducible, layered for cheap rebuilds, non-root, executable java. */
class ServiceImageBuilderTest {
    static final Path SERVICES = Path.of("..", "services-src").toAbsolutePath().normalize();
    static ImageSpec spec;
    static Path runtimes;

    @BeforeAll
    static void spec(@TempDir Path dir) {
        spec = ImageSpec.of(SERVICES, "mc-api");
        runtimes = dir.resolve("runtimes");
    }

    static Path build(Path work, ImageSpec s) {
        Path tar = work.resolve(s.service() + ".tar");
        new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), runtimes), work, line -> { }).toTar(s, tar);
        return tar;
    }

    @Test
    void twoCleanBuildsOfTheSameInputsGiveTheSameDigest(@TempDir Path a, @TempDir Path b) throws Exception {
        var first = new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), runtimes), a, l -> { }).toTar(spec, a.resolve("x.tar"));
        var second = new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), runtimes), b, l -> { }).toTar(spec, b.resolve("x.tar"));
        assertThat(second.digest()).isEqualTo(first.digest()).startsWith("sha256:");
        assertThat(OciTar.layers(b.resolve("x.tar"))).isEqualTo(OciTar.layers(a.resolve("x.tar")));
    }

    @Test
    void aCodeChangeChangesOnlyTheApplicationLayer(@TempDir Path work, @TempDir Path changedWork) throws Exception {
        Path changedJar = changedWork.resolve("mc-api.jar");
        Files.copy(spec.jar(), changedJar);
        try (var zip = FileSystems.newFileSystem(URI.create("jar:" + changedJar.toUri()), Map.of())) {
            Files.writeString(zip.getPath("one-line-change.txt"), "changed");
        }
        List<String> before = OciTar.layers(build(work, spec));
        List<String> after = OciTar.layers(build(changedWork, new ImageSpec("mc-api", changedJar, spec.libDir(), spec.jvmFlags())));
        assertThat(after).hasSize(4);
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
        assertThat(after.get(3)).isNotEqualTo(before.get(3));
    }

    @Test
    void theImageRunsAsANonRootUserWithTheJvmTunedForContainers(@TempDir Path work) throws Exception {
        var config = OciTar.config(build(work, spec)).path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("Entrypoint").toString()).contains("/opt/java/bin/java", "-XX:+UseSerialGC",
                "-XX:MaxRAMPercentage=75", "-Xss256k", "/app/mc-api.jar");
    }

    @Test
    void javaAndTheNativeLibrariesAreExecutable(@TempDir Path work) throws Exception {
        Path tar = build(work, spec);
        String runtime = OciTar.listing(tar, OciTar.layers(tar).get(1));
        assertThat(runtime.lines().filter(l -> l.endsWith("opt/java/bin/java")).findFirst().orElseThrow()).startsWith("-rwxr-xr-x");
        assertThat(runtime.lines().filter(l -> l.endsWith("libjvm.so")).findFirst().orElseThrow()).startsWith("-rwxr-xr-x");
        String os = OciTar.listing(tar, OciTar.layers(tar).get(0));
        assertThat(os).contains("lib/x86_64-linux-gnu/libc.so.6", "etc/passwd");
    }

    @Test
    void aServiceWithoutABuiltJarIsRefusedSayingHowToBuildIt(@TempDir Path servicesSrc) throws Exception {
        Files.createDirectories(servicesSrc.resolve("unbuilt-api/src"));
        assertThatThrownBy(() -> ImageSpec.of(servicesSrc, "unbuilt-api")).isInstanceOf(ImageException.class)
                .hasMessageContaining("./mvnw -pl services-src/unbuilt-api");
        assertThatThrownBy(() -> ImageSpec.of(SERVICES, "../../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAotCacheIsOneMoreLayerOnTheUnchangedBaseAndTheEntrypointUsesIt(@TempDir Path work) throws Exception {
        Path cache = work.resolve("trained.aot");
        Files.writeString(cache, "a cache");
        Path base = build(work, spec);
        Path withCache = build(Files.createDirectories(work.resolve("aot")), spec.withAotCache(cache));
        assertThat(OciTar.layers(withCache)).hasSize(5).startsWith(OciTar.layers(base).toArray(String[]::new));
        assertThat(OciTar.config(withCache).path("config").path("Entrypoint").toString())
                .contains("-XX:AOTCache=/app/app.aot");
        assertThat(OciTar.listing(withCache, OciTar.layers(withCache).get(4))).contains("app/app.aot");
    }
}
