package com.alai.cloud.services.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The skeleton's packages depend one way: no package reaches itself through another (services-src/README.md). */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java/com/alai/cloud/services/common");
    private static final Pattern USES = Pattern.compile("com\\.alai\\.cloud\\.services\\.common\\.(\\w+)\\.");

    @Test
    void thePackagesOfCommonFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString();
                var targets = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                USES.matcher(Files.readString(file)).results().map(m -> m.group(1)).filter(t -> !t.equals(pkg))
                        .forEach(targets::add);
            }
        }
        assertThat(uses).containsKeys("app", "auth", "config", "db", "error", "http", "json", "log");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            reach(start, start, uses, new TreeSet<>(), new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).as("dependencies %s", uses).isEmpty();
    }

    private static void reach(String start, String at, Map<String, Set<String>> uses, Set<String> seen, List<String> path,
                              List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                reach(start, next, uses, seen, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
