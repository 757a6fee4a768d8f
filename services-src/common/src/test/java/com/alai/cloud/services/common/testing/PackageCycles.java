package com.alai.cloud.services.common.testing;

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

/**
 * Which package of a source tree uses which (by the qualified names its files mention, imports included), and the
 * cycles among them: the rule of STYLE_GUIDE.md is that packages depend one way. Any module's test can call it.
 */
public final class PackageCycles {
    private final Map<String, Set<String>> uses;

    private PackageCycles(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /**
     * Reads every .java file under {@code sourceRoot} (e.g. src/main/java) in {@code basePackage} and below; packages
     * are named relative to the base, which is "." and counts like any other.
     */
    public static PackageCycles of(Path sourceRoot, String basePackage) throws IOException {
        Path base = sourceRoot.resolve(basePackage.replace('.', '/'));
        Pattern mention = Pattern.compile(Pattern.quote(basePackage) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = base.relativize(file.getParent()).toString().replace('/', '.');
                String pkg = relative.isEmpty() ? "." : relative;
                var targets = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                mention.matcher(Files.readString(file)).results().map(m -> m.group(1).isEmpty() ? "." : m.group(1).substring(1))
                        .filter(t -> !t.equals(pkg)).forEach(targets::add);
            }
        }
        return new PackageCycles(uses);
    }

    /** Package (relative to the base, "." for the base itself) to the packages it uses. */
    public Map<String, Set<String>> uses() {
        return uses;
    }

    /** Each cycle as "a -> b -> a", empty when the packages depend one way. */
    public List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            reach(start, start, new TreeSet<>(), new ArrayList<>(List.of(start)), cycles);
        }
        return cycles;
    }

    private void reach(String start, String at, Set<String> seen, List<String> path, List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                reach(start, next, seen, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
