package com.alai.cloud.migrate.hivemind;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.Postgres;
import com.alai.cloud.migrate.Sqlite;
import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.generic.GenericPlan;
import com.alai.cloud.migrate.generic.LegacySchema;
import com.alai.cloud.migrate.schema.SqliteSchema;
import com.alai.cloud.migrate.schema.SqliteTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * `alai-deploy migrate hivemind`: copies every table of a SQLite file into its own PostgreSQL schema (default
 * legacy_hivemind), keeping SQLite's rowid, typing each column by the values it actually holds. The schema is replaced
 * and every table verified row by row in one transaction, which commits only when all of them are clean.
 */
public final class GenericCopy {
    private final Consumer<String> progress;

    public GenericCopy(Consumer<String> progress) {
        this.progress = progress;
    }

    public List<TableReport> run(Path file, String targetUrl, String schema, boolean dryRun) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new MigrationException("schema '" + schema + "' must be lowercase letters, digits and _");
        }
        try (Connection sqlite = Sqlite.open(file)) {
            SqliteSchema source = SqliteSchema.read(sqlite);
            if (source.tables().isEmpty()) {
                throw new MigrationException(file + " has no tables");
            }
            var plans = new ArrayList<GenericPlan>();
            for (SqliteTable table : source.tables()) {
                plans.add(GenericPlan.discover(sqlite, table));
            }
            if (dryRun) {
                return plans.stream().map(p -> p.report(schema)).toList();
            }
            try (Connection pg = Postgres.connect(targetUrl)) {
                pg.setAutoCommit(false);
                try {
                    List<TableReport> reports = new LegacySchema(sqlite, pg, schema, progress).replace(plans, source.entries());
                    if (reports.stream().allMatch(TableReport::clean)) {
                        pg.commit();
                    } else {
                        pg.rollback();
                    }
                    return reports;
                } catch (Exception e) {
                    pg.rollback();
                    throw new MigrationException("copy failed and was rolled back: " + e.getMessage(), e);
                }
            }
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException("copy failed: " + e.getMessage(), e);
        }
    }
}
