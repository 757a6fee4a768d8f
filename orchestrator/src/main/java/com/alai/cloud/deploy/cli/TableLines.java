package com.alai.cloud.deploy.cli;

import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.schema.SqliteObject;
import java.io.PrintWriter;
import java.util.List;

/** The per-table lines of a migration report: every source table, its rows, destination, columns and proof. */
final class TableLines {
    private TableLines() {
    }

    static void print(PrintWriter out, List<TableReport> tables, List<SqliteObject> objects) {
        out.printf("%d table(s):%n", tables.size());
        for (TableReport t : tables) {
            out.printf("  %-28s %,10d rows -> %s%s%s%n", t.source(), t.rows(), t.destination(),
                    t.skipped() || t.carried() == t.rows() ? "" : String.format(" (%,d new or changed carried)", t.carried()), proof(t));
            if (!t.columns().isEmpty()) {
                out.println("      typed: " + t.columns());
            }
            if (!t.inExtra().isEmpty()) {
                out.println("      in extra: " + t.inExtra());
            }
            if (t.verification() != null) {
                t.verification().differences().forEach(d -> out.println("      " + d));
            }
        }
        if (!objects.isEmpty()) {
            out.printf("%d view(s), trigger(s) and index(es), SQL kept in legacy_mission_control.sqlite_objects:%n", objects.size());
            objects.forEach(o -> out.printf("  %-8s %s on %s%n", o.type(), o.name(), o.table()));
        }
    }

    private static String proof(TableReport t) {
        if (t.verification() == null) {
            return "";
        }
        return String.format("   %s (source %,d, target %,d, rows differing %,d)", t.clean() ? "verified" : "DIFFERS",
                t.verification().sourceRows(), t.verification().targetRows(), t.verification().rowsDiffering());
    }
}
