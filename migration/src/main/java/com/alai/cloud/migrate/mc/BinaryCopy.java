package com.alai.cloud.migrate.mc;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes rows in PostgreSQL's binary COPY format, so the server parses no text: no escaping to get wrong and no
 * timestamp or array parsing on the database's core.
 */
final class BinaryCopy implements AutoCloseable {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final int TEXT_OID = 25;

    private final DataOutputStream out;

    BinaryCopy(OutputStream copyIn) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(copyIn, 1 << 16));
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
    }

    void row(int fields) throws IOException {
        out.writeShort(fields);
    }

    void int8(long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    void int8(Long value) throws IOException {
        if (!isNull(value)) {
            int8(value.longValue());
        }
    }

    void int4(Integer value) throws IOException {
        if (isNull(value)) {
            return;
        }
        out.writeInt(4);
        out.writeInt(value);
    }

    void bool(boolean value) throws IOException {
        out.writeInt(1);
        out.writeByte(value ? 1 : 0);
    }

    void text(String value) throws IOException {
        if (isNull(value)) {
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Microseconds since 2000-01-01 UTC; the converter has already moved any finer part to extra. */
    void timestamptz(Instant value) throws IOException {
        if (isNull(value)) {
            return;
        }
        out.writeInt(8);
        out.writeLong(Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1000));
    }

    void textArray(List<String> items) throws IOException {
        byte[][] encoded = new byte[items.size()][];
        int length = items.isEmpty() ? 12 : 20;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = items.get(i).getBytes(StandardCharsets.UTF_8);
            length += 4 + encoded[i].length;
        }
        out.writeInt(length);
        out.writeInt(items.isEmpty() ? 0 : 1);
        out.writeInt(0);
        out.writeInt(TEXT_OID);
        if (!items.isEmpty()) {
            out.writeInt(items.size());
            out.writeInt(1);
        }
        for (byte[] item : encoded) {
            out.writeInt(item.length);
            out.write(item);
        }
    }

    void jsonb(byte[] json) throws IOException {
        out.writeInt(json.length + 1);
        out.writeByte(1);
        out.write(json);
    }

    /** Writes a NULL field (length -1) when there is no value. */
    private boolean isNull(Object value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        }
        return value == null;
    }

    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
