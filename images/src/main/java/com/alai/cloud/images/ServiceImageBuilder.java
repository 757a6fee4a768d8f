package com.alai.cloud.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a service image without a Docker daemon: scratch + the host's glibc files + a jlink'd runtime + the
 * dependency jars + the service jar, in that order, so a code change re-pushes only the last layer. Non-root user,
 * fixed timestamps, OCI format: the same inputs give the same digest.
 */
public final class ServiceImageBuilder {
    static final String USER = "10001:10001";
    static final String AOT_CACHE = "/app/app.aot";
    private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
    private static final FilePermissions READABLE = FilePermissions.fromOctalString("644");

    private final JlinkRuntime runtimes;
    private final Path work;
    private final Consumer<String> progress;
    private final BaseImage base;

    public ServiceImageBuilder(JlinkRuntime runtimes, Path work, Consumer<String> progress) {
        this(runtimes, work, progress, BaseImage.scratch());
    }

    public ServiceImageBuilder(JlinkRuntime runtimes, Path work, Consumer<String> progress, BaseImage base) {
        this.runtimes = runtimes;
        this.work = work;
        this.progress = progress;
        this.base = base;
    }

    /** Builds into an OCI tarball at {@code tar}. */
    public BuiltImage toTar(ImageSpec spec, Path tar) {
        try {
            return result(spec, containerBuilder(spec).containerize(caches(Containerizer.to(TarImage.at(tar).named("alai/" + spec.service() + ":build")))
                    .setAllowInsecureRegistries(base.auth().insecure())), "alai/" + spec.service() + ":build");
        } catch (Exception e) {
            throw new ImageException("building " + spec.service() + " failed: " + e.getMessage(), e);
        }
    }

    /** Builds and pushes to {@code repository} (e.g. 127.0.0.1:5000/mc-api or cr….azurecr.io/mc-api). */
    public BuiltImage push(ImageSpec spec, String repository, RegistryAuth auth) {
        try {
            RegistryImage target = RegistryImage.named(repository + ":" + "build");
            auth.apply(target);
            JibContainer container = containerBuilder(spec).containerize(caches(Containerizer.to(target))
                    .setAllowInsecureRegistries(auth.insecure() || base.auth().insecure()));
            return result(spec, container, repository);
        } catch (Exception e) {
            throw new ImageException("pushing " + spec.service() + " to " + repository + " failed: " + rootMessage(e), e);
        }
    }

    private Containerizer caches(Containerizer containerizer) {
        return containerizer.setApplicationLayersCache(work.resolve("jib-cache"))
                .setBaseImageLayersCache(work.resolve("jib-base-cache"));
    }

    private JibContainerBuilder from() throws Exception {
        if (base.isScratch()) {
            return Jib.fromScratch();
        }
        if (!base.pinned()) {
            progress.accept("base " + base.reference() + " is a tag, not a digest: builds are reproducible only while it stands");
        }
        RegistryImage image = RegistryImage.named(base.reference());
        base.auth().apply(image);
        return Jib.from(image);
    }

    private JibContainerBuilder containerBuilder(ImageSpec spec) throws Exception {
        var builder = from().setFormat(ImageFormat.OCI).setCreationTime(Instant.EPOCH);
        if (base.isScratch()) {
            progress.accept(spec.service() + ": runtime (jlink) …");
            Path runtime = runtimes.build(spec);
            builder.addFileEntriesLayer(osLayer(runtime)).addFileEntriesLayer(directoryLayer("runtime", runtime, "/opt/java"));
        }
        progress.accept(spec.service() + ": layers …");
        builder.addFileEntriesLayer(directoryLayer("dependencies", spec.libDir(), "/app/lib"))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("application")
                        .addEntry(spec.jar(), AbsoluteUnixPath.get("/app/" + spec.service() + ".jar"), READABLE).build())
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
                .addExposedPort(Port.tcp(8080))
                .addLabel("org.opencontainers.image.title", spec.service())
                .setEntrypoint(entrypoint(spec, base.java(), spec.aotCache() == null ? List.of() : List.of("-XX:AOTCache=" + AOT_CACHE)));
        if (spec.aotCache() != null) {
            // Last: it changes with every training, so it must not move the layers below it.
            builder.addFileEntriesLayer(FileEntriesLayer.builder().setName("aot-cache")
                    .addEntry(spec.aotCache(), AbsoluteUnixPath.get(AOT_CACHE), READABLE).build());
        }
        return builder;
    }

    /** The image's command line with {@code extra} JVM flags: training runs the very command production runs. */
    static List<String> entrypoint(ImageSpec spec, String java, List<String> extra) {
        var entrypoint = new ArrayList<String>(List.of(java));
        entrypoint.addAll(spec.jvmFlags());
        entrypoint.addAll(extra);
        entrypoint.addAll(List.of("-Djava.io.tmpdir=/tmp", "-jar", "/app/" + spec.service() + ".jar"));
        return entrypoint;
    }

    // glibc and friends as ldd reports them, a passwd/group naming the non-root user, and a writable /tmp.
    private FileEntriesLayer osLayer(Path runtime) throws IOException {
        var layer = FileEntriesLayer.builder().setName("os");
        for (Path lib : NativeLibs.of(runtime)) {
            layer.addEntry(lib.toRealPath(), AbsoluteUnixPath.get(lib.toString()), EXECUTABLE);
        }
        Path etc = work.resolve("etc");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/app:/sbin/nologin\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:10001:\n", StandardCharsets.UTF_8);
        layer.addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"), READABLE);
        layer.addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"), READABLE);
        Path tmp = work.resolve("empty-tmp");
        Files.createDirectories(tmp);
        layer.addEntry(tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"));
        return layer.build();
    }

    // Jib's default mode (644) would leave bin/java and the native libraries unexecutable.
    private static FileEntriesLayer directoryLayer(String name, Path source, String target) throws IOException {
        return FileEntriesLayer.builder().setName(name)
                .addEntryRecursive(source, AbsoluteUnixPath.get(target), (path, inContainer) -> {
                    String p = inContainer.toString();
                    boolean exec = Files.isDirectory(path) || p.contains("/bin/") || p.endsWith(".so") || p.endsWith("jspawnhelper");
                    return exec ? EXECUTABLE : READABLE;
                })
                .build();
    }

    private static BuiltImage result(ImageSpec spec, JibContainer container, String reference) {
        return new BuiltImage(spec.service(), container.getDigest().toString(), container.getImageId().toString(), reference);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
