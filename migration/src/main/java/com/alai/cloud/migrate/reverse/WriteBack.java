package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.mc.RowConverter;
import com.alai.cloud.migrate.verify.Canonical;
import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Ledger;
import com.alai.cloud.migrate.verify.RowDigests;
import com.alai.cloud.migrate.verify.Verification;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes one typed table's rows created or changed in PostgreSQL since the migration back into the file, in the
 * caller's SQLite transaction. Changed is judged against the digests the migration recorded: a PostgreSQL row whose
 * digest moved was written since; a file row whose digest moved was written on ANVIL since. Only the fields that
 * changed are written, so every other value keeps its bytes. A row changed on both sides is a conflict, left alone
 * unless {@code prefer} says which side wins.
 */
final class WriteBack {
    private final Connection sqlite;
    private final TypedSide side;
    private final RowDigests known;
    private final Prefer prefer;
    private final FileRows file;

    WriteBack(Connection sqlite, TypedSide side, RowDigests known, Prefer prefer) {
        this.sqlite = sqlite;
        this.side = side;
        this.known = known;
        this.prefer = prefer;
        this.file = new FileRows(sqlite, side);
    }

    private record Row(Object[] raw, List<Object> values) {
    }

    ReverseReport.TableResult run() throws Exception {
        var changed = new LinkedHashMap<Long, List<Object>>();
        var inTarget = new HashSet<Long>();
        side.forEachTarget(row -> {
            long id = (Long) row.get(0);
            inTarget.add(id);
            if (!known.unchanged(id, Ledger.digestOf(row))) {
                changed.put(id, row);
            }
        });
        var rows = new HashMap<Long, Row>();
        if (!changed.isEmpty()) {
            side.forEachSource(changed.keySet(), (raw, values) -> rows.put((Long) values.get(0), new Row(raw, values)));
        }
        var excluded = new HashSet<Long>();
        for (long id : known.ids()) {
            if (!inTarget.contains(id)) {
                excluded.add(id);
            }
        }
        long deletedInTarget = excluded.size();
        var conflicts = new TreeSet<Long>();
        long updated = 0;
        long inserted = 0;
        var unwritable = new TreeSet<String>();
        for (var entry : changed.entrySet()) {
            long id = entry.getKey();
            List<Object> after = entry.getValue();
            Row now = rows.get(id);
            if (now != null && same(semantic(now.values()), semantic(after))) {
                continue;
            }
            boolean fileChanged = now == null ? known.digest(id) != null : !known.unchanged(id, Ledger.digestOf(now.values()));
            if (fileChanged) {
                conflicts.add(id);
                if (prefer != Prefer.POSTGRES) {
                    excluded.add(id);
                    continue;
                }
            }
            if (now == null) {
                file.insert(id, after);
                inserted++;
            } else {
                unwritable.addAll(file.update(id, now.raw(), now.values(), after));
                updated++;
            }
        }
        return new ReverseReport.TableResult(side.table(), updated, inserted, List.copyOf(conflicts), prefer, deletedInTarget,
                List.copyOf(unwritable), verify(changed.keySet(), excluded));
    }

    /**
     * The file against PostgreSQL after the write, every row, as the migration verifies: the same conversion, with the
     * notes on how a value was spelled (extra's _legacy. keys) left out, since a value written back is spelled anew,
     * and an extra column that is NULL the same as one that is absent (a row made in PostgreSQL has none).
     * Rows left alone (conflicts, rows changed only in the file, rows gone from PostgreSQL) take no part.
     */
    private Verification verify(Set<Long> changedInTarget, Set<Long> excluded) throws Exception {
        var source = new Ledger(side.fields());
        side.forEachSource(null, (raw, values) -> {
            long id = (Long) values.get(0);
            boolean onlyInFile = !changedInTarget.contains(id) && !known.unchanged(id, Ledger.digestOf(values));
            if (onlyInFile) {
                excluded.add(id);
            } else if (!excluded.contains(id)) {
                source.add(semantic(values));
            }
        });
        var target = new Ledger(side.fields());
        side.forEachTarget(row -> {
            if (!excluded.contains((Long) row.get(0))) {
                target.add(semantic(row));
            }
        });
        return Comparator.compare(source, target, ids -> Map.of(), ids -> Map.of());
    }

    static List<Object> semantic(List<Object> values) {
        var copy = new ArrayList<>(values);
        @SuppressWarnings("unchecked")
        var extra = (Map<String, Object>) copy.get(copy.size() - 1);
        var kept = new TreeMap<String, Object>();
        extra.forEach((k, v) -> {
            if (v != null && !k.startsWith(RowConverter.LEGACY)) {
                kept.put(k, v);
            }
        });
        copy.set(copy.size() - 1, kept);
        return copy;
    }

    static boolean same(Object a, Object b) {
        return Canonical.row(Collections.singletonList(a)).equals(Canonical.row(Collections.singletonList(b)));
    }
}
