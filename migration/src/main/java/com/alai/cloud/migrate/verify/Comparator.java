package com.alai.cloud.migrate.verify;

import java.util.ArrayList;
import java.util.List;

/** Compares two row lists that are both ordered by id, reporting counts, hashes, aggregates and differing rows. */
public final class Comparator {
    private static final int SHOWN = 10;

    private Comparator() {
    }

    public static Verification compare(List<String> columns, List<List<Object>> source, List<List<Object>> target) {
        List<String> left = source.stream().map(Canonical::row).toList();
        List<String> right = target.stream().map(Canonical::row).toList();
        var differences = new ArrayList<String>();
        long differing = 0;
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            Object leftId = i < left.size() ? source.get(i).get(0) : null;
            Object rightId = j < right.size() ? target.get(j).get(0) : null;
            int order = leftId == null ? 1 : rightId == null ? -1 : Long.compare(((Number) leftId).longValue(), ((Number) rightId).longValue());
            if (order == 0) {
                if (!left.get(i).equals(right.get(j))) {
                    differing++;
                    note(differences, "row " + leftId + " differs:\n    source " + clip(left.get(i)) + "\n    target " + clip(right.get(j)));
                }
                i++;
                j++;
            } else if (order < 0) {
                differing++;
                note(differences, "row " + leftId + " is missing from the target");
                i++;
            } else {
                differing++;
                note(differences, "row " + rightId + " is in the target but not in the source");
                j++;
            }
        }
        return new Verification(source.size(), target.size(), Canonical.hash(left), Canonical.hash(right),
                Canonical.aggregates(columns, source), Canonical.aggregates(columns, target), Math.max(left.size(), right.size()),
                differing, List.copyOf(differences));
    }

    private static void note(List<String> differences, String text) {
        if (differences.size() < SHOWN) {
            differences.add(text);
        }
    }

    private static String clip(String row) {
        return row.length() > 300 ? row.substring(0, 300) + "…" : row;
    }
}
