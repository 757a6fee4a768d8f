package com.alai.cloud.services.runner.testing;

import com.alai.cloud.services.runner.agent.DirectoryDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;

/** Agent definition files written as the skills repository holds them, for a test's directory. */
public final class Agents {
    private final Path dir;

    public Agents(Path dir) {
        this.dir = dir;
    }

    public Agents add(String name, String runtime, String extraFrontMatter, String prompt) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), "---\nname: " + name + "\nruntime: " + runtime
                + "\nmodel: anthropic/claude-sonnet-4-5\n" + extraFrontMatter + "---\n" + prompt + "\n");
        return this;
    }

    public Path dir() {
        return dir;
    }

    public DirectoryDefinitions load() {
        return DirectoryDefinitions.load(dir);
    }
}
