package com.alai.cloud.migrate.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two ledgers by a merge on id: counts, ordered hashes, aggregates and every row's digest. The first
 * differing rows are fetched in full from both sides to say which columns differ.
 */
public final class Comparator {
    private static final int SHOWN = 10;

    private Comparator() {
    }

    public static Verification compare(Ledger source, Ledger target, RowLookup sourceRows, RowLookup targetRows) {
        var notes = new LinkedHashMap<Long, Kind>();
        long differing = 0;
        int i = 0;
        int j = 0;
        while (i < source.size() || j < target.size()) {
            int order = i == source.size() ? 1 : j == target.size() ? -1 : Long.compare(source.id(i), target.id(j));
            if (order == 0 && source.sameRow(i, target, j)) {
                i++;
                j++;
                continue;
            }
            differing++;
            long id = order <= 0 ? source.id(i) : target.id(j);
            if (notes.size() < SHOWN) {
                notes.put(id, order == 0 ? Kind.DIFFERS : order < 0 ? Kind.MISSING : Kind.EXTRA);
            }
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        return new Verification(source.size(), target.size(), source.hash(), target.hash(), source.aggregates(),
                target.aggregates(), Math.max(source.size(), target.size()), differing,
                describe(source.columns(), notes, sourceRows, targetRows));
    }

    /** The same comparison over rows already in memory (small tables). */
    public static Verification compare(List<String> columns, List<List<Object>> source, List<List<Object>> target) {
        return compare(ledger(columns, source), ledger(columns, target), lookup(source), lookup(target));
    }

    private enum Kind { DIFFERS, MISSING, EXTRA }

    private static List<String> describe(List<String> columns, Map<Long, Kind> notes, RowLookup sourceRows, RowLookup targetRows) {
        if (notes.isEmpty()) {
            return List.of();
        }
        var differ = new LinkedHashSet<Long>();
        notes.forEach((id, kind) -> {
            if (kind == Kind.DIFFERS) {
                differ.add(id);
            }
        });
        Map<Long, List<Object>> left = differ.isEmpty() ? Map.of() : sourceRows.rows(differ);
        Map<Long, List<Object>> right = differ.isEmpty() ? Map.of() : targetRows.rows(differ);
        var lines = new ArrayList<String>();
        notes.forEach((id, kind) -> lines.add(switch (kind) {
            case MISSING -> "row " + id + " is missing from the target";
            case EXTRA -> "row " + id + " is in the target but not in the source";
            case DIFFERS -> differs(columns, id, left.get(id), right.get(id));
        }));
        return List.copyOf(lines);
    }

    private static String differs(List<String> columns, long id, List<Object> source, List<Object> target) {
        if (source == null || target == null) {
            return "row " + id + " differs";
        }
        var names = new ArrayList<String>();
        for (int c = 0; c < columns.size(); c++) {
            if (!cell(source.get(c)).equals(cell(target.get(c)))) {
                names.add(columns.get(c));
            }
        }
        return "row " + id + " differs in " + String.join(", ", names) + ":\n    source " + clip(Canonical.row(source))
                + "\n    target " + clip(Canonical.row(target));
    }

    private static String cell(Object value) {
        return Canonical.row(Collections.singletonList(value));
    }

    private static Ledger ledger(List<String> columns, List<List<Object>> rows) {
        var ledger = new Ledger(columns);
        rows.forEach(ledger::add);
        return ledger;
    }

    private static RowLookup lookup(List<List<Object>> rows) {
        return ids -> rows.stream().filter(r -> ids.contains(((Number) r.get(0)).longValue()))
                .collect(Collectors.toMap(r -> ((Number) r.get(0)).longValue(), Function.identity(), (a, b) -> a));
    }

    private static String clip(String row) {
        return row.length() > 300 ? row.substring(0, 300) + "…" : row;
    }
}
