package com.alai.cloud.deploy.journal;

import com.alai.cloud.deploy.UsageException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The deploy journal as a local JSON file, written atomically: a temp file beside it is written, forced to disk and
 * renamed over the old one, so a crash leaves either the old journal or the new one, never half of one.
 */
public final class FileJournal {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's whole content. */
    public record State(int version, Map<String, PhaseEntry> phases) {
        public State {
            phases = phases == null ? Map.of() : Map.copyOf(phases);
        }
    }

    private final Path file;

    public FileJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized State read() {
        if (!Files.exists(file)) {
            return new State(1, Map.of());
        }
        try {
            State state = JSON.readValue(file.toFile(), State.class);
            if (state.version() != 1) {
                throw new UsageException("journal " + file + " has version " + state.version() + "; this alai-deploy reads 1");
            }
            return state;
        } catch (IOException e) {
            throw new UsageException("journal " + file + " is unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); restore it from git history or the backup store, it is never overwritten while broken");
        }
    }

    public PhaseEntry entry(String stack) {
        return read().phases().getOrDefault(stack, PhaseEntry.empty(stack));
    }

    /** Applies {@code change} to one stack's entry and writes the journal atomically. */
    public synchronized PhaseEntry update(String stack, UnaryOperator<PhaseEntry> change) {
        State state = read();
        PhaseEntry next = change.apply(state.phases().getOrDefault(stack, PhaseEntry.empty(stack)));
        var phases = new LinkedHashMap<>(state.phases());
        phases.put(stack, next);
        write(new State(1, phases));
        return next;
    }

    private void write(State state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            byte[] bytes = JSON.writeValueAsBytes(state);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file, e);
        }
    }
}
