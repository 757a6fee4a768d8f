package com.alai.cloud.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * Opens an ANVIL SQLite file read-only, after checking it is one, inside one read transaction: every read of the run
 * sees the same snapshot, even while ANVIL goes on writing to a WAL-mode file.
 */
public final class Sqlite {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private Sqlite() {
    }

    public static Connection open(Path file) {
        check(file);
        try {
            var config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(30_000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new MigrationException("cannot open " + file + ": " + e.getMessage());
        }
    }

    /** Refuses, in one line, a path that is not a SQLite file. */
    public static void check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MigrationException("no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            if (head.length == 0) {
                throw new MigrationException(file + " is empty (0 bytes), not a SQLite database");
            }
            if (!Arrays.equals(head, MAGIC)) {
                throw new MigrationException(file + " is not a SQLite database");
            }
        } catch (IOException e) {
            throw new MigrationException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** For writing back: one IMMEDIATE transaction, so no ANVIL writer slips in between reading and writing. */
    public static Connection openForWriting(Path file) {
        check(file);
        if (!Files.isWritable(file)) {
            throw new MigrationException(file + " is not writable");
        }
        try {
            var config = new SQLiteConfig();
            config.setBusyTimeout(30_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new MigrationException("cannot open " + file + " for writing: " + e.getMessage());
        }
    }
}
