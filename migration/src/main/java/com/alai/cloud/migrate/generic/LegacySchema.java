package com.alai.cloud.migrate.generic;

import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.schema.SqliteObject;
import com.alai.cloud.services.common.db.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replaces a schema with a value-typed copy of the given tables, in the caller's transaction, and verifies each: the
 * schema's tables are exactly the file's (a re-run converges; nothing stale survives). The file's own schema — every
 * CREATE statement, views, triggers and indexes included — is kept in its {@code sqlite_objects} table; no SQLite
 * table can be called that, since SQLite reserves the sqlite_ prefix.
 */
public final class LegacySchema {
    public static final String OBJECTS = "sqlite_objects";

    private final Connection sqlite;
    private final Connection pg;
    private final String schema;
    private final Consumer<String> progress;

    public LegacySchema(Connection sqlite, Connection pg, String schema, Consumer<String> progress) {
        this.sqlite = sqlite;
        this.pg = pg;
        this.schema = schema;
        this.progress = progress;
    }

    public List<TableReport> replace(List<GenericPlan> plans, List<SqliteObject> schemaEntries) throws Exception {
        String quoted = SqlIdentifier.quote(schema);
        try (Statement s = pg.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
            s.execute("CREATE SCHEMA " + quoted);
            s.execute("CREATE TABLE " + quoted + "." + OBJECTS + " (type text NOT NULL, name text NOT NULL, tbl_name text, sql text)");
        }
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO " + quoted + "." + OBJECTS + " VALUES (?, ?, ?, ?)")) {
            for (SqliteObject o : schemaEntries) {
                ps.setString(1, o.type());
                ps.setString(2, o.name());
                ps.setString(3, o.table());
                ps.setString(4, o.sql());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        var reports = new ArrayList<TableReport>();
        for (GenericPlan plan : plans) {
            progress.accept(String.format("copying %s (%,d rows) into %s …", plan.table().name(), plan.rows(), schema));
            reports.add(plan.report(schema).verified(new GenericTableCopy(sqlite, pg, schema, plan).run()));
        }
        return reports;
    }
}
