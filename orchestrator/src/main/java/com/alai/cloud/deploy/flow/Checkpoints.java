package com.alai.cloud.deploy.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** State exports taken before every update, one file each, never overwritten. */
final class Checkpoints {
    private Checkpoints() {
    }

    static Path write(DeployContext ctx, String stack) {
        String state = ctx.engine().exportState(stack);
        Path file = ctx.checkpoints().resolve(stack + "-" + ctx.clock().instant().toString().replace(':', '-') + ".json");
        try {
            Files.createDirectories(ctx.checkpoints());
            Files.writeString(file, state, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            ctx.progress().accept("  checkpoint " + file);
            return file;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }
}
