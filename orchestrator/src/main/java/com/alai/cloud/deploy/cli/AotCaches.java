package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.deploy.local.LocalEnvironment;
import com.alai.cloud.deploy.local.LocalState;
import com.alai.cloud.images.AotTrainer;
import com.alai.cloud.images.BuiltImage;
import com.alai.cloud.images.ImageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * `images build|push --aot`: one AOT cache per service, trained on its cache-less base image under podman against the
 * local environment (embedded PostgreSQL, a real issuer). A cache is kept beside the digest of the base it was trained
 * on and reused while that digest stands, so rebuilding the same commit gives the same final digest; the base image
 * itself stays byte-reproducible, and a new base (any code change) is trained anew.
 */
final class AotCaches {
    static final List<String> PODMAN = List.of("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs",
            "--storage-driver", "vfs");

    /** The authenticated GETs that exercise each server; the job (backup-job) runs once and has no server to train. */
    static final Map<String, List<String>> TRAINING_PATHS = Map.of(
            "mc-api", List.of("/tasks?status=open&limit=50", "/tasks?limit=5", "/tasks/1", "/stats", "/openapi.json"),
            "hivemind-api", List.of("/topics", "/openapi.json"));
    private static final Map<String, String> DATABASE = Map.of("mc-api", "DATABASE_URL", "hivemind-api", "HIVEMIND_DATABASE_URL");

    private final Path stateDir;
    private final Path dir;
    private final Consumer<String> progress;

    AotCaches(Path stateDir, Consumer<String> progress) {
        this.stateDir = stateDir;
        this.dir = stateDir.resolve("images");
        this.progress = progress;
    }

    static boolean trains(String service) {
        return TRAINING_PATHS.containsKey(service);
    }

    /** The cache for {@code base} (the service's image built without one, as a tarball), trained if none fits. */
    Path cacheFor(ImageSpec spec, BuiltImage base, Path baseTar) throws IOException, InterruptedException {
        Path cache = dir.resolve(spec.service() + ".aot");
        Path trainedOn = dir.resolve(spec.service() + ".aot.base");
        if (Files.isRegularFile(cache) && Files.isRegularFile(trainedOn)
                && Files.readString(trainedOn, StandardCharsets.UTF_8).strip().equals(base.digest())) {
            progress.accept(spec.service() + ": AOT cache trained on " + base.digest() + " reused");
            return cache;
        }
        requirePodman();
        var environment = new LocalEnvironment(stateDir, progress);
        boolean wasUp = LocalState.read(LocalState.file(stateDir, "dev-phase2")).map(LocalState::alive).orElse(false);
        Path trained;
        try {
            LocalState local = environment.up("dev-phase2");
            var env = Map.of("DATABASE_URL", local.vars().get(DATABASE.get(spec.service())), "DATABASE_USER", "postgres",
                    "OIDC_ISSUER", local.vars().get("OIDC_ISSUER"), "OIDC_AUDIENCE", "api://alai-control-plane");
            trained = new AotTrainer(PODMAN, dir, progress).train(spec, baseTar,
                    new AotTrainer.Training(env, local.vars().get("TOKEN"), TRAINING_PATHS.get(spec.service())));
        } finally {
            if (!wasUp) {
                // Started for the training only; an operator's own `local up` is left running.
                environment.down("dev-phase2");
            }
        }
        Files.move(trained, cache, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(trainedOn, base.digest() + "\n", StandardCharsets.UTF_8);
        return cache;
    }

    private static void requirePodman() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException missing) {
            // Reported below.
        }
        throw new UsageException("--aot trains the cache by running the image under podman, which is not installed; "
                + "install it (apt-get install podman runc) or build without --aot");
    }
}
