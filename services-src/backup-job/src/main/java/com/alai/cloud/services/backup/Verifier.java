package com.alai.cloud.services.backup;

import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;

/**
 * `alai-deploy backup verify`: restores the newest (or a named) backup into scratch databases, then checks every
 * table's row count and checksum against the manifest, compares a sample of rows with the live source, and reports
 * any source table the backup does not hold.
 */
public final class Verifier {
    private static final ObjectMapper JSON = Json.mapper();

    private final BlobStore store;
    private final Consumer<String> progress;

    public Verifier(BlobStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    public String newest() {
        return store.list("").stream().filter(n -> n.endsWith("/" + Manifest.FILE))
                .map(n -> n.substring(0, n.indexOf('/'))).max(String::compareTo)
                .orElseThrow(() -> new IllegalStateException("the backup container holds no manifest.json yet"));
    }

    public VerifyReport verify(String server, String user, String password, String prefix, int sample) throws Exception {
        return verify(server, user, password, prefix, sample, "");
    }

    /** @param query JDBC URL parameters for every connection, e.g. "?user=postgres&sslmode=require" */
    public VerifyReport verify(String server, String user, String password, String prefix, int sample, String query)
            throws Exception {
        Manifest manifest = JSON.readValue(store.download(prefix + "/" + Manifest.FILE), Manifest.class);
        var checks = new ArrayList<VerifyReport.TableCheck>();
        var problems = new ArrayList<String>();
        for (var db : manifest.databases().entrySet()) {
            String scratch = "verify_" + db.getKey().replaceAll("[^a-z0-9_]", "_") + "_" + prefix.toLowerCase();
            try (Connection admin = DriverManager.getConnection(server + "postgres" + query, user, password); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + scratch);
                s.execute("CREATE DATABASE " + scratch);
            }
            try (Connection target = DriverManager.getConnection(server + scratch + query, user, password);
                 Connection source = DriverManager.getConnection(server + db.getKey() + query, user, password)) {
                problems.addAll(missingTables(source, db.getKey(), db.getValue()));
                for (TableDump table : db.getValue()) {
                    checks.add(restore(source, target, db.getKey(), table, sample));
                }
            } finally {
                try (Connection admin = DriverManager.getConnection(server + "postgres" + query, user, password); Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + scratch);
                }
            }
        }
        return new VerifyReport(prefix, checks, problems);
    }

    private static List<String> missingTables(Connection source, String db, List<TableDump> dumped) throws SQLException {
        Set<String> inBackup = dumped.stream().map(t -> t.schema() + "." + t.table()).collect(Collectors.toSet());
        var missing = new TreeSet<String>();
        for (String[] t : Sql.tables(source)) {
            if (!inBackup.contains(t[0] + "." + t[1])) {
                missing.add(db + "." + t[0] + "." + t[1] + " is in the database but not in the backup");
            }
        }
        return List.copyOf(missing);
    }

    private VerifyReport.TableCheck restore(Connection source, Connection target, String db, TableDump table, int sample) {
        String name = table.schema() + "." + table.table();
        try {
            try (Statement s = target.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(table.schema()));
                s.execute("CREATE TABLE " + table.qualified() + " (" + table.columns().stream()
                        .map(c -> Sql.quote(c.name()) + " " + c.type()).collect(Collectors.joining(", ")) + ")");
            }
            Path file = Files.createTempFile("restore", ".gz");
            try {
                store.downloadTo(table.blob(), file);
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                    target.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.qualified() + " FROM STDIN", in);
                }
            } finally {
                Files.deleteIfExists(file);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long rows;
            try (var out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                rows = target.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + Sql.select(table) + ") TO STDOUT", out);
            }
            boolean checksum = HexFormat.of().formatHex(sha.digest()).equals(table.sha256());
            List<String> live = sample(source, table, sample);
            List<String> restored = sample(target, table, sample);
            progress.accept("  " + db + "." + name + ": " + rows + " rows restored, checksum " + (checksum ? "ok" : "DIFFERS")
                    + ", sample " + (live.equals(restored) ? "ok" : "DIFFERS"));
            return new VerifyReport.TableCheck(db, name, table.rows(), rows, checksum, restored.size(), live.equals(restored), "");
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            progress.accept("  " + db + "." + name + ": FAILED — " + reason);
            return new VerifyReport.TableCheck(db, name, table.rows(), -1, false, 0, false, reason);
        }
    }

    /** The first {@code n} rows in key order, each as the md5 of its text form. */
    private static List<String> sample(Connection c, TableDump table, int n) throws SQLException {
        var rows = new ArrayList<String>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT md5(t::text) FROM (" + Sql.select(table) + " LIMIT " + n + ") t")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
