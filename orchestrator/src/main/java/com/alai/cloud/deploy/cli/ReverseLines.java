package com.alai.cloud.deploy.cli;

import com.alai.cloud.migrate.reverse.Prefer;
import com.alai.cloud.migrate.reverse.ReverseReport;
import java.io.PrintWriter;

/** The lines of a `migrate mc --reverse` report: per table what was written back, the conflicts, the proof. */
final class ReverseLines {
    private ReverseLines() {
    }

    static void print(PrintWriter out, ReverseReport report) {
        out.println("backup: " + report.backup());
        for (ReverseReport.TableResult t : report.tables()) {
            var v = t.verification();
            out.printf("  %-24s updated %,d  inserted %,d   %s (file %,d rows, PostgreSQL %,d, differing %,d)%n", t.table(), t.updated(),
                    t.inserted(), t.clean() ? "verified" : "DIFFERS", v.sourceRows(), v.targetRows(), v.rowsDiffering());
            if (!t.conflicts().isEmpty()) {
                out.printf("      changed on both sides: %s — %s%n", t.conflicts(), t.prefer() == Prefer.NEITHER
                        ? "left alone; run again with --prefer sqlite or --prefer postgres" : t.prefer().name().toLowerCase() + " won");
            }
            if (t.goneFromPostgres() > 0) {
                out.printf("      %,d row(s) no longer in PostgreSQL were left in the file%n", t.goneFromPostgres());
            }
            if (!t.unwritable().isEmpty()) {
                out.println("      changed fields the file has no column for (not written): " + t.unwritable());
            }
            v.differences().forEach(d -> out.println("      " + d));
        }
        out.printf("%s in %,d ms%n", report.committed() ? "VERIFIED: written back and committed"
                : "VERIFICATION FAILED: rolled back, the file is as it was", report.millis());
    }
}
