package com.alai.cloud.services.runner.runtime.messages;

import com.alai.cloud.services.runner.runtime.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tools a messages agent may be allowed, named as Claude Code names them, each confined to the run's working
 * directory: {@code Bash} (a command there, 60 s, a clean environment holding no secret), {@code Read} and
 * {@code Write} (a relative path inside it). Output is capped so a tool cannot flood the conversation.
 */
final class LocalTools {
    record Spec(String name, String description, Map<String, Object> properties, List<String> required) {
    }

    record Result(String content, boolean error) {
    }

    static final int MAX_OUTPUT = 32 * 1024;
    static final List<Spec> ALL = List.of(
            new Spec("Bash", "Run a bash command in the working directory (60 s limit).",
                    Map.of("command", Map.of("type", "string", "description", "the command")), List.of("command")),
            new Spec("Read", "Read a text file under the working directory.",
                    Map.of("path", Map.of("type", "string", "description", "a relative path")), List.of("path")),
            new Spec("Write", "Write a text file under the working directory.",
                    Map.of("path", Map.of("type", "string"), "content", Map.of("type", "string")),
                    List.of("path", "content")));

    private LocalTools() {
    }

    static List<Spec> allowed(List<String> names) {
        return ALL.stream().filter(s -> names.contains(s.name())).toList();
    }

    static Result run(String name, JsonNode input, RunContext context, List<String> allowed) {
        if (!allowed.contains(name)) {
            return new Result("tool " + name + " is not allowed for this agent", true);
        }
        try {
            return switch (name) {
                case "Bash" -> bash(input.path("command").asText(""), context);
                case "Read" -> new Result(cap(Files.readString(inside(context.workDir(), input.path("path").asText("")))), false);
                case "Write" -> {
                    Path file = inside(context.workDir(), input.path("path").asText(""));
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, input.path("content").asText(""));
                    yield new Result("wrote " + input.path("path").asText(), false);
                }
                default -> new Result("no tool " + name, true);
            };
        } catch (IOException | IllegalArgumentException e) {
            return new Result(e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("interrupted", true);
        }
    }

    static Path inside(Path root, String relative) {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a path is required");
        }
        Path resolved = root.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(root.normalize())) {
            throw new IllegalArgumentException("the path must stay inside the working directory");
        }
        return resolved;
    }

    private static Result bash(String command, RunContext context) throws IOException, InterruptedException {
        var builder = new ProcessBuilder("bash", "-c", command).directory(context.workDir().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME",
                context.workDir().toString(), "LANG", "C.UTF-8"));
        Process process = builder.start();
        context.onStop(process::destroyForcibly);
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readNBytes(MAX_OUTPUT + 1);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(cap(new String(out, StandardCharsets.UTF_8)) + "\n[killed after 60 s]", true);
        }
        String text = cap(new String(out, StandardCharsets.UTF_8));
        return new Result(text, process.exitValue() != 0);
    }

    private static String cap(String text) {
        return text.length() <= MAX_OUTPUT ? text : text.substring(0, MAX_OUTPUT) + "\n[truncated]";
    }
}
