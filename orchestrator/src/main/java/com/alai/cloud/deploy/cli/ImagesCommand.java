package com.alai.cloud.deploy.cli;

import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.images.BaseImage;
import com.alai.cloud.images.BuiltImage;
import com.alai.cloud.images.ImageSpec;
import com.alai.cloud.images.JlinkRuntime;
import com.alai.cloud.images.RegistryAuth;
import com.alai.cloud.images.ServiceImageBuilder;
import com.google.cloud.tools.jib.api.ImageReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `alai-deploy images build|push`: OCI images of services-src, daemonless, reproducible, pinned by digest. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Builds the services' container images without a Docker daemon and pushes them by digest.",
        subcommands = {ImagesCommand.Build.class, ImagesCommand.Push.class})
public final class ImagesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The services asked for, or all with sources in services-src/ (the others are declared with images from config). */
    static List<String> services(Project project, List<String> asked) {
        List<String> known = ImageSpec.services(project.home().resolve("services-src"));
        if (asked.isEmpty()) {
            return known;
        }
        for (String s : asked) {
            if (!known.contains(s)) {
                throw new UsageException("no service '" + s + "' in services-src; known: " + known);
            }
        }
        return asked;
    }

    /** Where images start: scratch with a jlink'd runtime (offline, the default) or a registry image with its own Java. */
    static final class BaseOptions {
        @Option(names = "--base", paramLabel = "IMAGE", description = {"Build FROM this registry image, which brings its own Java >= 21,",
                "e.g. " + BaseImage.DISTROLESS + " pinned @sha256:…",
                "(without it: scratch + a jlink'd runtime, which needs no registry)."})
        String base;

        @Option(names = "--base-java", paramLabel = "PATH", defaultValue = BaseImage.DISTROLESS_JAVA,
                description = "The java binary inside --base (default: ${DEFAULT-VALUE}, distroless's).")
        String java;

        @Option(names = "--insecure-base", description = {"Pull --base over plain HTTP (a local registry only; a push must be",
                "--insecure too). Credentials for --base: ALAI_BASE_REGISTRY_USERNAME / _TOKEN."})
        boolean insecure;

        BaseImage image() {
            return base == null ? BaseImage.scratch()
                    : BaseImage.registry(base, java, RegistryAuth.fromEnvironment("ALAI_BASE_REGISTRY", insecure));
        }
    }

    static ServiceImageBuilder builder(Project project, CommandSpec spec, BaseImage base) {
        Path work = Wiring.stateDir(project).resolve("images");
        return new ServiceImageBuilder(new JlinkRuntime(JlinkRuntime.currentJdk(), work), work, Wiring.progress(spec), base);
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Builds one OCI image tarball per service into .alai/images/ (scratch + glibc + jlink'd runtime +",
                    "dependencies + application, non-root, fixed timestamps) and prints each digest."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy images build", "  alai-deploy images build mc-api --json",
                    "  alai-deploy images build mc-api --aot      # needs podman and a JDK >= 25",
                    "  alai-deploy images build --base " + BaseImage.DISTROLESS + "@sha256:…"})
    static final class Build implements Callable<Integer> {
        @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: mc-api, hivemind-api, backup-job).")
        List<String> services = new ArrayList<>();

        @Option(names = "--aot", description = {"Add a JDK AOT cache (JDK 25+) trained by running the image under podman",
                "against the local environment; reused while the base image's digest is unchanged."})
        boolean aot;

        @Mixin
        BaseOptions base = new BaseOptions();

        @Option(names = "--json", description = "Print the digests as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Project project = Project.locate();
            var built = new ArrayList<BuiltImage>();
            for (String service : services(project, services)) {
                ImageSpec image = spec(project, spec, service, aot, base.image());
                built.add(builder(project, spec, base.image()).toTar(image, tar(project, service)));
            }
            print(spec, built, json);
            return ExitCode.OK;
        }
    }

    static Path tar(Project project, String service) throws java.io.IOException {
        Path out = Wiring.stateDir(project).resolve("images").resolve(service + ".tar");
        Files.createDirectories(out.getParent());
        return out;
    }

    /** The service's image; with {@code aot}, plus the cache trained on (or kept for) its base image. */
    static ImageSpec spec(Project project, CommandSpec spec, String service, boolean aot, BaseImage from) throws Exception {
        ImageSpec image = ImageSpec.of(project.home().resolve("services-src"), service);
        if (!aot) {
            return image;
        }
        if (!from.isScratch()) {
            throw new UsageException("--aot trains on the image's own jlink'd runtime; with --base the cache would have to be "
                    + "trained on that base's JDK, which is not supported: drop one of the two");
        }
        if (!AotCaches.trains(service)) {
            Wiring.progress(spec).accept(service + ": no AOT cache (a job that runs once has no server start to train)");
            return image;
        }
        if (Runtime.version().feature() < 25) {
            throw new UsageException("--aot needs a JDK >= 25 to build with (this is " + Runtime.version() + ")");
        }
        Path baseTar = tar(project, service);
        BuiltImage base = builder(project, spec, from).toTar(image, baseTar);
        return image.withAotCache(new AotCaches(Wiring.stateDir(project), Wiring.progress(spec)).cacheFor(image, base, baseTar));
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = {"Builds and pushes each service to REGISTRY/SERVICE and records the pinned references",
                    "(repo@sha256:…) in .alai/images/pins.json; `up` pins them into the stack config. ACR: export",
                    "ALAI_REGISTRY_USERNAME=00000000-0000-0000-0000-000000000000 and ALAI_REGISTRY_TOKEN from",
                    "`az acr login -n NAME --expose-token`."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy images push --registry 127.0.0.1:5000 --insecure",
                    "  alai-deploy images push --registry cralaidevswcf1e081.azurecr.io"})
    static final class Push implements Callable<Integer> {
        @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: mc-api, hivemind-api, backup-job).")
        List<String> services = new ArrayList<>();

        @Option(names = "--registry", required = true, description = "host[:port][/prefix]")
        String registry;

        @Option(names = "--insecure", description = "Allow plain HTTP (a local registry only).")
        boolean insecure;

        @Option(names = "--aot", description = "Push with the AOT cache (see images build --aot).")
        boolean aot;

        @Mixin
        BaseOptions base = new BaseOptions();

        @Option(names = "--json", description = "Print the digests as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int slash = registry.indexOf('/');
            if (!ImageReference.isValidRegistry(slash < 0 ? registry : registry.substring(0, slash))
                    || slash >= 0 && !ImageReference.isValidRepository(registry.substring(slash + 1))) {
                throw new UsageException("--registry '" + registry + "' must be host[:port][/prefix]");
            }
            if (base.insecure && !insecure) {
                // Jib's switch covers every registry of a build: it would let the push, token and all, go over HTTP.
                throw new UsageException("--insecure-base would allow plain HTTP to --registry too; use it only with --insecure");
            }
            Project project = Project.locate();
            var built = new ArrayList<BuiltImage>();
            for (String service : services(project, services)) {
                built.add(builder(project, spec, base.image()).push(spec(project, spec, service, aot, base.image()),
                        registry + "/" + service, RegistryAuth.fromEnvironment(insecure)));
            }
            Path pins = Wiring.stateDir(project).resolve("images").resolve("pins.json");
            var all = new LinkedHashMap<String, String>();
            if (Files.isRegularFile(pins)) {
                new ObjectMapper().readTree(pins.toFile()).fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue().asText()));
            }
            built.forEach(b -> all.put(b.service(), b.pinned()));
            Files.createDirectories(pins.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(pins.toFile(), all);
            print(spec, built, json);
            return ExitCode.OK;
        }
    }

    static void print(CommandSpec spec, List<BuiltImage> built, boolean json) throws Exception {
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOut.pretty(built));
            return;
        }
        built.forEach(b -> out.println(b.service() + "  " + b.pinned()));
    }
}
