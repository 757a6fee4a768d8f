package com.alai.cloud.deploy.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * State exports taken before every update, one file each, never overwritten. A file holds what `pulumi stack export`
 * wrote (secrets still encrypted by the stack's provider) and is readable by its owner only: an export still names
 * every resource and endpoint.
 */
final class Checkpoints {
    private Checkpoints() {
    }

    static Path write(DeployContext ctx, String stack) {
        String state = ctx.engine().exportState(stack);
        Path file = ctx.checkpoints().resolve(stack + "-" + ctx.clock().instant().toString().replace(':', '-') + ".json");
        try {
            Files.createDirectories(ctx.checkpoints());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, state, StandardCharsets.UTF_8);
            ctx.progress().accept("  checkpoint " + file);
            return file;
        } catch (FileAlreadyExistsException e) {
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }
}
