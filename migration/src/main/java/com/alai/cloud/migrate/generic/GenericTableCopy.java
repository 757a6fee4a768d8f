package com.alai.cloud.migrate.generic;

import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Ledger;
import com.alai.cloud.migrate.verify.Verification;
import com.alai.cloud.services.common.db.SqlIdentifier;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Copies one table with COPY in the caller's transaction while building the source side's ledger, then reads the
 * target back in the same transaction and compares every row.
 */
final class GenericTableCopy {
    private final Connection sqlite;
    private final Connection pg;
    private final GenericPlan plan;
    private final String target;
    private final List<String> columns;
    private final ColumnType[] types;

    GenericTableCopy(Connection sqlite, Connection pg, String schema, GenericPlan plan) {
        this.sqlite = sqlite;
        this.pg = pg;
        this.plan = plan;
        this.target = plan.target(schema);
        this.columns = new ArrayList<>(List.of(plan.key()));
        columns.addAll(plan.types().keySet());
        this.types = plan.types().values().toArray(ColumnType[]::new);
    }

    Verification run() throws Exception {
        var ddl = new StringBuilder("CREATE TABLE " + target + " (" + SqlIdentifier.quote(plan.key()) + " bigint PRIMARY KEY");
        plan.types().forEach((column, type) -> ddl.append(", ").append(SqlIdentifier.quote(column)).append(' ').append(type.sql()));
        try (Statement s = pg.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        var source = new Ledger(columns);
        var copy = new PGCopyOutputStream(pg.unwrap(PGConnection.class), "COPY " + target + " FROM STDIN");
        // Bytes through a Writer that encodes whole code points: pgjdbc's Reader API splits surrogate pairs (see Loader).
        try (Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            var line = new StringBuilder();
            forEachSource(row -> {
                source.add(row);
                line.setLength(0);
                line.append(row.get(0));
                for (int c = 0; c < types.length; c++) {
                    line.append('\t');
                    GenericValues.copyText(row.get(c + 1), types[c], line);
                }
                out.append(line).append('\n');
            });
        } catch (Exception e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        var targetLedger = new Ledger(columns);
        forEachTarget("", null, targetLedger::add);
        return Comparator.compare(source, targetLedger, this::sourceRows, this::targetRows);
    }

    private interface RowSink {
        void accept(List<Object> row) throws Exception;
    }

    /** Every source row as PostgreSQL must hold it, in key order; the key first. */
    private void forEachSource(RowSink sink) throws Exception {
        var table = plan.table();
        String select = "SELECT " + (table.withoutRowid() ? "" : table.rowidAlias() + ", ")
                + String.join(", ", table.columnNames().stream().map(SqlIdentifier::quote).toList())
                + " FROM " + table.quoted() + " ORDER BY " + table.order();
        int offset = table.withoutRowid() ? 1 : 2;
        long ordinal = 0;
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                var row = new ArrayList<Object>(types.length + 1);
                row.add(table.withoutRowid() ? ++ordinal : rs.getLong(1));
                for (int c = 0; c < types.length; c++) {
                    row.add(GenericValues.expected(rs.getObject(c + offset), types[c]));
                }
                sink.accept(row);
            }
        }
    }

    private void forEachTarget(String where, Object[] ids, RowSink sink) throws Exception {
        String select = "SELECT " + String.join(", ", columns.stream().map(SqlIdentifier::quote).toList()) + " FROM " + target
                + where + " ORDER BY 1";
        try (PreparedStatement ps = pg.prepareStatement(select)) {
            if (ids != null) {
                ps.setArray(1, pg.createArrayOf("bigint", ids));
            }
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var row = new ArrayList<Object>(columns.size());
                    row.add(rs.getLong(1));
                    for (int c = 0; c < types.length; c++) {
                        row.add(GenericValues.read(rs, c + 2, types[c]));
                    }
                    sink.accept(row);
                }
            }
        }
    }

    private Map<Long, List<Object>> sourceRows(Set<Long> ids) {
        var rows = new HashMap<Long, List<Object>>();
        try {
            forEachSource(row -> {
                if (ids.contains((Long) row.get(0))) {
                    rows.put((Long) row.get(0), row);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("re-reading the differing rows of " + plan.table().name() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private Map<Long, List<Object>> targetRows(Set<Long> ids) {
        var rows = new HashMap<Long, List<Object>>();
        try {
            forEachTarget(" WHERE " + SqlIdentifier.quote(plan.key()) + " = ANY (?)", ids.toArray(), row -> rows.put((Long) row.get(0), row));
        } catch (Exception e) {
            throw new IllegalStateException("reading the differing target rows of " + plan.table().name() + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
