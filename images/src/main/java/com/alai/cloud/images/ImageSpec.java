package com.alai.cloud.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One service to containerise: its thin jar, the lib/ directory beside it, the JVM flags of its entrypoint, and
 * optionally a JDK AOT cache trained on exactly this image (null: none).
 */
public record ImageSpec(String service, Path jar, Path libDir, List<String> jvmFlags, Path aotCache) {

    /**
     * Container-tuned defaults: serial GC, heap from the container's memory, small stacks, no perf data file, C1 only
     * (C2's compilations cost more than a quarter vCPU can spare). No -Xshare: the default CDS archive is used anyway,
     * and an explicit -Xshare refuses -XX:AOTCache.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-Xss256k",
            "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1");
    private static final String SERVICE = "[a-z][a-z0-9-]{1,40}";

    public ImageSpec {
        checked(service);
        jvmFlags = List.copyOf(jvmFlags);
    }

    public ImageSpec(String service, Path jar, Path libDir, List<String> jvmFlags) {
        this(service, jar, libDir, jvmFlags, null);
    }

    /** The same image plus a trained AOT cache as its last layer. */
    public ImageSpec withAotCache(Path cache) {
        return new ImageSpec(service, jar, libDir, jvmFlags, cache);
    }

    /**
     * The services of {@code servicesSrc}, sorted: every folder whose pom.xml builds a runnable jar (names a
     * mainClass). Libraries such as common are not services. Adding a service is its folder plus its module line.
     */
    public static List<String> services(Path servicesSrc) {
        try (Stream<Path> dirs = Files.list(servicesSrc)) {
            return dirs.filter(dir -> runnable(dir.resolve("pom.xml"))).map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches(SERVICE)).sorted().toList();
        } catch (IOException e) {
            throw new ImageException("cannot list the services in " + servicesSrc + ": " + e.getMessage());
        }
    }

    // Checked before it becomes part of a path: "../../etc" is refused.
    private static void checked(String service) {
        if (!service.matches(SERVICE)) {
            throw new IllegalArgumentException("service name '" + service + "' must be lowercase letters, digits and -");
        }
    }

    private static boolean runnable(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<mainClass>");
        } catch (IOException e) {
            throw new ImageException("cannot read " + pom + ": " + e.getMessage());
        }
    }

    /** The layout `mvn package` leaves in services-src/SERVICE/target. */
    public static ImageSpec of(Path servicesSrc, String service) {
        checked(service);
        Path target = servicesSrc.resolve(service).resolve("target");
        Path jar = target.resolve(service + ".jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new ImageException("no built jar for " + service + " at " + jar
                    + "; build it with ./mvnw -pl services-src/" + service + " -am package -DskipTests");
        }
        return new ImageSpec(service, jar, target.resolve("lib"), JVM_FLAGS);
    }
}
