package com.alai.cloud.migrate.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Sample files are written from scratch: an old file at the path is removed first. */
final class SampleFiles {
    private SampleFiles() {
    }

    static void replace(Path file) throws SQLException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SQLException("cannot replace " + file, e);
        }
    }
}
