package com.alai.cloud.migrate.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What one side of a migration holds, kept small enough for millions of rows: each row's id and digest, and the
 * per-column aggregates. Rows are added as they stream past (the first value is the id); the ledger orders itself by
 * id when they did not arrive in order.
 */
public final class Ledger {
    private static final int DIGEST = 32;
    private static final int MAX_ROWS = Integer.MAX_VALUE / DIGEST;

    private final List<String> columns;
    private final ColumnStats[] stats;
    private final RowDigest digest = new RowDigest();
    private long[] ids = new long[1024];
    private byte[] digests = new byte[1024 * DIGEST];
    private int size;
    private boolean ordered = true;

    public Ledger(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.stats = new ColumnStats[columns.size()];
        Arrays.setAll(stats, c -> new ColumnStats());
    }

    /** Adds a row; returns its digest. */
    public byte[] add(List<Object> values) {
        if (size == ids.length) {
            if (size > MAX_ROWS / 2) {
                throw new IllegalStateException("more than " + MAX_ROWS / 2 + " rows: more than one run can verify in memory");
            }
            ids = Arrays.copyOf(ids, size * 2);
            digests = Arrays.copyOf(digests, size * 2 * DIGEST);
        }
        long id = ((Number) values.get(0)).longValue();
        ordered &= size == 0 || ids[size - 1] < id;
        ids[size] = id;
        byte[] rowDigest = digest.of(values);
        System.arraycopy(rowDigest, 0, digests, size * DIGEST, DIGEST);
        for (int c = 0; c < stats.length; c++) {
            stats[c].add(values.get(c));
        }
        size++;
        return rowDigest;
    }

    /** The digest of one row, the same as {@link #add} returned for it. */
    public static byte[] digestOf(List<Object> values) {
        return new RowDigest().of(values);
    }

    /** Every row's id and digest, in id order. */
    public RowDigests digests() {
        order();
        return new RowDigests(Arrays.copyOf(ids, size), Arrays.copyOf(digests, size * DIGEST));
    }

    public int size() {
        return size;
    }

    List<String> columns() {
        return columns;
    }

    long id(int row) {
        order();
        return ids[row];
    }

    boolean sameRow(int row, Ledger other, int otherRow) {
        return Arrays.equals(digests, row * DIGEST, (row + 1) * DIGEST, other.digests, otherRow * DIGEST, (otherRow + 1) * DIGEST);
    }

    /** SHA-256 over the row digests in id order. */
    public String hash() {
        order();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(digests, 0, size * DIGEST);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> aggregates() {
        var result = new LinkedHashMap<String, String>();
        for (int c = 0; c < stats.length; c++) {
            result.put(columns.get(c), stats[c].describe());
        }
        return result;
    }

    private void order() {
        if (ordered) {
            return;
        }
        int[] byId = IntStream.range(0, size).boxed().sorted((a, b) -> Long.compare(ids[a], ids[b])).mapToInt(i -> i).toArray();
        long[] sortedIds = new long[size];
        byte[] sortedDigests = new byte[size * DIGEST];
        for (int i = 0; i < size; i++) {
            sortedIds[i] = ids[byId[i]];
            System.arraycopy(digests, byId[i] * DIGEST, sortedDigests, i * DIGEST, DIGEST);
        }
        ids = sortedIds;
        digests = sortedDigests;
        ordered = true;
    }
}
