package com.alai.cloud.services.backup;

import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;

/**
 * Dumps every table of each database through COPY, in key order, gzip-compressed, with a row count and a SHA-256
 * of the uncompressed stream per table, into PREFIX/DB/SCHEMA.TABLE.copy.gz plus PREFIX/manifest.json.
 */
public final class Dumper {
    private static final ObjectMapper JSON = Json.mapper();
    static final DateTimeFormatter PREFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final BlobStore store;
    private final Clock clock;
    private final Consumer<String> progress;

    public Dumper(BlobStore store, Clock clock, Consumer<String> progress) {
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    /** @param server a JDBC URL without a database name: jdbc:postgresql://host:5432/ */
    public Manifest dump(String server, String user, String password, List<String> databases) throws SQLException, IOException {
        return dump(server, "", user, password, databases);
    }

    /** @param query JDBC URL parameters kept for every database, e.g. "?sslmode=require" */
    public Manifest dump(String server, String query, String user, String password, List<String> databases)
            throws SQLException, IOException {
        String prefix = PREFIX.format(clock.instant());
        var all = new LinkedHashMap<String, List<TableDump>>();
        Path work = Files.createTempDirectory("backup");
        try {
            for (String db : databases) {
                try (Connection c = DriverManager.getConnection(server + db + query, user, password)) {
                    c.setReadOnly(true);
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    var tables = new ArrayList<TableDump>();
                    for (String[] t : Sql.tables(c)) {
                        tables.add(table(c, prefix, db, t[0], t[1], work));
                    }
                    c.commit();
                    all.put(db, tables);
                }
            }
            var manifest = new Manifest(1, clock.instant().toString(), prefix, all);
            store.upload(prefix + "/" + Manifest.FILE, JSON.writeValueAsBytes(manifest));
            progress.accept("backup " + prefix + " written: " + all.values().stream().mapToInt(List::size).sum() + " tables");
            return manifest;
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private TableDump table(Connection c, String prefix, String db, String schema, String table, Path work)
            throws SQLException, IOException {
        var columns = Sql.columns(c, schema, table);
        var skeleton = new TableDump(schema, table, columns, Sql.orderBy(c, schema, table, columns), 0, "", "");
        String blob = prefix + "/" + db + "/" + schema + "." + table + ".copy.gz";
        Path file = work.resolve(schema + "." + table + ".gz");
        MessageDigest sha;
        long[] newlines = {0};
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var gzip = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
             var digest = new DigestOutputStream(new CountingStream(gzip, newlines), sha)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + Sql.select(skeleton) + ") TO STDOUT", digest);
        }
        store.upload(blob, file);
        Files.delete(file);
        progress.accept("  " + db + "." + schema + "." + table + ": " + newlines[0] + " rows");
        return new TableDump(schema, table, columns, skeleton.orderBy(), newlines[0], HexFormat.of().formatHex(sha.digest()), blob);
    }

    /** Counts rows as COPY text lines (newlines inside values are escaped, so each \n ends one row). */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private final long[] lines;

        CountingStream(OutputStream out, long[] lines) {
            super(out);
            this.lines = lines;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                lines[0]++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines[0]++;
                }
            }
            out.write(b, off, len);
        }
    }

}
