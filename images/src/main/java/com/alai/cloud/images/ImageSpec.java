package com.alai.cloud.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One service to containerise: its thin jar, the lib/ directory beside it, and the JVM flags of its entrypoint. */
public record ImageSpec(String service, Path jar, Path libDir, List<String> jvmFlags) {

    /** Container-tuned defaults: serial GC, heap from the container's memory, small stacks, no perf data file. */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-Xss256k",
            "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public ImageSpec {
        if (!service.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("service name '" + service + "' must be lowercase letters, digits and -");
        }
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** The layout `mvn package` leaves in services-src/SERVICE/target. */
    public static ImageSpec of(Path servicesSrc, String service) {
        if (!service.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("service name '" + service + "' must be lowercase letters, digits and -");
        }
        Path target = servicesSrc.resolve(service).resolve("target");
        Path jar = target.resolve(service + ".jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new ImageException("no built jar for " + service + " at " + jar
                    + "; build it with ./mvnw -pl services-src/" + service + " -am package -DskipTests");
        }
        return new ImageSpec(service, jar, target.resolve("lib"), JVM_FLAGS);
    }
}
