package com.alai.cloud.components.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Resolves references through the official Bitwarden CLI ({@code bw get item ITEM}) with the session in
 * {@code BW_SESSION}. The item's JSON is read from the CLI's stdout and never logged.
 */
public final class BwCliSecretSource implements SecretSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bwCommand;
    private final Map<String, String> env;

    /** @param bwCommand the {@code bw} executable; @param env the environment the CLI runs with (BW_SESSION) */
    public BwCliSecretSource(String bwCommand, Map<String, String> env) {
        this.bwCommand = bwCommand;
        this.env = Map.copyOf(env);
    }

    public static BwCliSecretSource fromSystem() {
        return new BwCliSecretSource(System.getenv().getOrDefault("ALAI_BW_COMMAND", "bw"), System.getenv());
    }

    @Override
    public String resolve(SecretRef ref) {
        String itemJson = run(ref, List.of("get", "item", ref.item()));
        return fieldOf(ref, itemJson);
    }

    /** Reads the field a reference names out of {@code bw get item} JSON (login fields, notes or custom fields). */
    static String fieldOf(SecretRef ref, String itemJson) {
        JsonNode item;
        try {
            item = JSON.readTree(itemJson);
        } catch (IOException e) {
            throw new SecretNotFoundException(ref, "Bitwarden (bw CLI)", "the CLI did not print an item as JSON");
        }
        JsonNode value = switch (ref.field()) {
            case "password", "username", "totp" -> item.path("login").path(ref.field());
            case "notes" -> item.path("notes");
            default -> customField(item, ref.field());
        };
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            throw new SecretNotFoundException(ref, "Bitwarden (bw CLI)",
                    "item '" + ref.item() + "' has no field '" + ref.field() + "'");
        }
        return value.asText();
    }

    private static JsonNode customField(JsonNode item, String name) {
        for (JsonNode field : item.path("fields")) {
            if (name.equals(field.path("name").asText())) {
                return field.path("value");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private String run(SecretRef ref, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(bwCommand);
        command.addAll(args);
        command.add("--nointeraction");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            var stdout = readAsync(process.getInputStream());
            var stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SecretNotFoundException(ref, describe(), "bw did not answer within " + TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new SecretNotFoundException(ref, describe(), lastLine(stderr.join(), stdout.join())
                        + " (is BW_SESSION set? run: export BW_SESSION=$(bw unlock --raw))");
            }
            return stdout.join();
        } catch (IOException e) {
            throw new SecretNotFoundException(ref, describe(),
                    "cannot run '" + bwCommand + "' (install it: npm install -g @bitwarden/cli)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretNotFoundException(ref, describe(), "interrupted");
        }
    }

    private static java.util.concurrent.CompletableFuture<String> readAsync(InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    // Only bw's last error line is echoed (earlier ones are profile-creation noise); stdout could hold an item,
    // so it is never shown when it looks like JSON.
    private static String lastLine(String stderr, String stdout) {
        String text = stderr.isBlank() ? (stdout.trim().startsWith("{") ? "" : stdout) : stderr;
        String line = text.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("bw failed without a message");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    @Override
    public String describe() {
        return "Bitwarden (bw CLI)";
    }
}
