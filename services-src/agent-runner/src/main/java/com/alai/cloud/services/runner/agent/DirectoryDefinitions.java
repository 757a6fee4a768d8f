package com.alai.cloud.services.runner.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Agent definitions read once from a directory of {@code *.md} files (the skills repository's {@code agents/}).
 * Every file must parse and each name appear once, or the service does not start: a broken agent is found at deploy.
 */
public final class DirectoryDefinitions implements DefinitionSource {
    private final Map<String, AgentDefinition> byName;

    private DirectoryDefinitions(Map<String, AgentDefinition> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static DirectoryDefinitions load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DefinitionError(dir.toString(), "is not a directory");
        }
        var found = new LinkedHashMap<String, AgentDefinition>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                if (Files.size(file) > 256 * 1024) {
                    throw new DefinitionError(file.toString(), "is over 256 KiB");
                }
                AgentDefinition agent = DefinitionParser.parse(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8));
                if (found.putIfAbsent(agent.name(), agent) != null) {
                    throw new DefinitionError(file.toString(), "defines agent " + agent.name() + " a second time");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read agent definitions in " + dir, e);
        }
        return new DirectoryDefinitions(found);
    }

    @Override
    public Optional<AgentDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<AgentDefinition> all() {
        return List.copyOf(byName.values());
    }
}
