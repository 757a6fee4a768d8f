package com.alai.cloud.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * What `local up` started for one stack: the daemon's pid and the variables checks and people use (URLs, a token).
 * Written atomically by the daemon once everything answers.
 */
public record LocalState(String stack, long pid, String startedAt, String log, Map<String, String> vars) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LocalState {
        vars = Map.copyOf(vars);
    }

    public static Path file(Path stateDir, String stack) {
        return stateDir.resolve("local").resolve(stack + ".json");
    }

    public static Optional<LocalState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), LocalState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("local state " + file + " is unreadable; remove it after stopping what it started", e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
