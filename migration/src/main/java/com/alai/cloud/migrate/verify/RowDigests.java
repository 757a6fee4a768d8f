package com.alai.cloud.migrate.verify;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Rows by id and SHA-256 digest, in id order: what one side held when it was last verified. A later run tells from
 * it which rows are new or changed since, without the rows themselves.
 */
public record RowDigests(long[] ids, byte[] digests) {
    private static final int DIGEST = 32;

    public static final RowDigests NONE = new RowDigests(new long[0], new byte[0]);

    public int size() {
        return ids.length;
    }

    /** The digest recorded for {@code id}, or null when the row was not there. */
    public byte[] digest(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? null : Arrays.copyOfRange(digests, at * DIGEST, (at + 1) * DIGEST);
    }

    public boolean unchanged(long id, byte[] digest) {
        int at = Arrays.binarySearch(ids, id);
        return at >= 0 && Arrays.equals(digests, at * DIGEST, (at + 1) * DIGEST, digest, 0, DIGEST);
    }

    public byte[] idBytes() {
        var buffer = ByteBuffer.allocate(ids.length * Long.BYTES);
        buffer.asLongBuffer().put(ids);
        return buffer.array();
    }

    public static RowDigests of(byte[] idBytes, byte[] digests) {
        long[] ids = new long[idBytes.length / Long.BYTES];
        ByteBuffer.wrap(idBytes).asLongBuffer().get(ids);
        return new RowDigests(ids, digests);
    }
}
