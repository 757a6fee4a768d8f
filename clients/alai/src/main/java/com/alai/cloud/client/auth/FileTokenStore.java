package com.alai.cloud.client.auth;

import com.alai.cloud.client.error.AlaiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback when no OS keyring answers: {@code tokens-<profile>.json} under the config directory, mode 0600 in a
 * 0700 directory, written atomically. A file anyone but its owner can read or write is refused, not fixed silently:
 * its tokens may already be known to someone else.
 */
final class FileTokenStore implements TokenStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;

    FileTokenStore(Path dir) {
        this.dir = dir;
    }

    Path file(String profile) {
        return dir.resolve("tokens-" + profile + ".json");
    }

    boolean exists(String profile) {
        return Files.exists(file(profile));
    }

    @Override
    public Optional<String> read(String profile) {
        Path file = file(profile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (POSIX) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(perms)) {
                    throw AlaiException.failed(file + " has permissions " + PosixFilePermissions.toString(perms)
                            + "; a token file must be readable by its owner only. Its tokens may have been read by others:"
                            + " run `alai logout` (deletes it) and `alai login` again, or `chmod 600 " + file + "` if you are sure");
                }
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw AlaiException.failed("cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void write(String profile, String json) {
        Path file = file(profile);
        try {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
            Path temp = POSIX ? Files.createTempFile(dir, ".tokens-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".tokens-", ".tmp");
            try {
                Files.writeString(temp, json, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw AlaiException.failed("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public boolean delete(String profile) {
        try {
            return Files.deleteIfExists(file(profile));
        } catch (IOException e) {
            throw AlaiException.failed("cannot delete " + file(profile) + ": " + e.getMessage());
        }
    }

    @Override
    public String describe(String profile) {
        return "file " + file(profile) + " (mode 0600; no OS keyring answered)";
    }
}
