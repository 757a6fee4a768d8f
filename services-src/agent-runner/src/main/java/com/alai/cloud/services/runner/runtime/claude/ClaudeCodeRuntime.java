package com.alai.cloud.services.runner.runtime.claude;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.agent.AgentDefinition;
import com.alai.cloud.services.runner.runtime.AgentRuntime;
import com.alai.cloud.services.runner.runtime.Prices;
import com.alai.cloud.services.runner.runtime.RunContext;
import com.alai.cloud.services.runner.runtime.RunFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code claude-code} runtime: the real Claude Code CLI, headless, one process per run —
 * {@code claude -p --output-format stream-json --verbose} with the definition's model, turn limit, system prompt and
 * {@code --allowedTools}, the input on stdin (not in argv, where `ps` shows it). Each run gets a private HOME (with
 * the skills repository's {@code .claude} copied in, if configured) and its own working directory, both removed
 * afterwards; its environment holds nothing but the model endpoint and key. Its stream-json lines become run events.
 * The spend is marked before the CLI starts: from then on it may buy tokens, and retries its own requests.
 */
public final class ClaudeCodeRuntime implements AgentRuntime {
    private static final int STDERR_LINES = 20;
    private final Path claude;
    private final String baseUrl;
    private final String apiKey;
    private final Optional<Path> dotClaude;
    private final Prices prices;

    public ClaudeCodeRuntime(Path claude, String baseUrl, String apiKey, Optional<Path> dotClaude, Prices prices) {
        this.claude = claude;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.dotClaude = dotClaude;
        this.prices = prices;
    }

    @Override
    public String run(AgentDefinition agent, RunContext context) throws RunFailure, IOException, InterruptedException {
        if (!"anthropic".equals(agent.model().provider())) {
            throw RunFailure.fatal("model route " + agent.model() + " is not served by claude-code; use anthropic/…");
        }
        String model = context.modelOverride() != null ? context.modelOverride() : agent.model().model();
        if (prices.of(model).isEmpty()) {
            throw RunFailure.fatal("no price is known for model " + model + "; its cost could not be limited");
        }
        Path home = Files.createDirectories(context.workDir().resolve("home"));
        Path work = Files.createDirectories(context.workDir().resolve("work"));
        Path tmp = Files.createDirectories(context.workDir().resolve("tmp"));
        if (dotClaude.isPresent()) {
            copyTree(dotClaude.get(), home.resolve(".claude"));
        }
        var builder = new ProcessBuilder(command(agent, model)).directory(work.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString(),
                "TMPDIR", tmp.toString(), "LANG", "C.UTF-8", "ANTHROPIC_BASE_URL", baseUrl,
                "ANTHROPIC_API_KEY", apiKey, "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
                "DISABLE_AUTOUPDATER", "1"));
        context.spending();
        Process process = builder.start();
        context.onStop(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(context.input().getBytes(StandardCharsets.UTF_8));
        }
        Deque<String> stderr = new ArrayDeque<>();
        Thread errors = Thread.ofVirtual().start(() -> drain(process, stderr));
        var stream = new StreamJson(context, prices, model);
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode json = parse(line);
                if (json != null) {
                    stream.accept(json);
                }
            }
        } catch (RunFailure overBudget) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw overBudget;
        }
        int exit = process.waitFor();
        errors.join();
        if (context.stopped()) {
            throw RunFailure.fatal("the run was stopped");
        }
        StreamJson.Result result = stream.result();
        if (exit != 0 || result == null || result.error()) {
            String why = result != null ? result.subtype() + ": " + result.text() : String.join(" | ", stderr);
            throw RunFailure.fatal("claude exited " + exit + " (" + why + ")");
        }
        return result.text();
    }

    private List<String> command(AgentDefinition agent, String model) {
        var command = new ArrayList<>(List.of(claude.toString(), "-p", "--output-format", "stream-json", "--verbose",
                "--model", model, "--max-turns", Integer.toString(agent.limits().maxTurns())));
        if (!agent.allowedTools().isEmpty()) {
            command.add("--allowedTools");
            command.add(String.join(",", agent.allowedTools()));
        }
        if (!agent.systemPrompt().isBlank()) {
            command.add("--append-system-prompt");
            command.add(agent.systemPrompt());
        }
        return command;
    }

    private static JsonNode parse(String line) {
        try {
            return line.isBlank() ? null : Json.mapper().readTree(line);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static void drain(Process process, Deque<String> tail) {
        try (var err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (tail) {
                    tail.addLast(line.length() > 500 ? line.substring(0, 500) : line);
                    if (tail.size() > STDERR_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
