package com.alai.cloud.migrate.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a row's canonical binary form: every value type-tagged and length-prefixed, numbers by value,
 * maps by sorted key, instants by second and nanosecond. Binary, not the JSON of {@link Canonical#row}, because it runs
 * over every row of both sides. One instance per thread.
 */
final class RowDigest {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final MessageDigest sha;
    private final byte[] buffer = new byte[8192];
    private final char[] chars = new char[4096];
    private final CharBuffer charsAsBytes = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer();
    private int used;

    RowDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] of(List<Object> values) {
        for (Object value : values) {
            value(value);
        }
        flush();
        return sha.digest();
    }

    private void value(Object v) {
        switch (v) {
            case null -> tag('N');
            case Boolean b -> tag(b ? 'T' : 'F');
            case Double d -> real(d);
            case Float f -> real(f);
            case BigInteger b -> decimal(new BigDecimal(b));
            case BigDecimal b -> decimal(b);
            case Number n -> integral(n.longValue());
            case Instant i -> {
                tag('I');
                putLong(i.getEpochSecond());
                putLong(i.getNano());
            }
            case byte[] bytes -> {
                tag('B');
                putLong(bytes.length);
                flush();
                sha.update(bytes);
            }
            case List<?> list -> {
                tag('[');
                putLong(list.size());
                list.forEach(this::value);
            }
            case Map<?, ?> map -> {
                tag('{');
                putLong(map.size());
                var sorted = new TreeMap<String, Object>();
                map.forEach((k, x) -> sorted.put(String.valueOf(k), x));
                sorted.forEach((k, x) -> {
                    string(k);
                    value(x);
                });
            }
            default -> string(v.toString());
        }
    }

    // jsonb keeps a number's value, not its spelling: 1.714979289E9 written comes back as 1714979289. So a whole
    // number is one value however it is typed; any other number is its exact decimal.
    private void real(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            integral((long) d);
        } else if (Double.isFinite(d)) {
            decimal(new BigDecimal(Double.toString(d)));
        } else {
            string(Double.toString(d));
        }
    }

    private void decimal(BigDecimal b) {
        BigDecimal plain = b.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.compareTo(LONG_MIN) >= 0 && plain.compareTo(LONG_MAX) <= 0) {
            integral(plain.longValueExact());
            return;
        }
        tag('N');
        string(plain.toPlainString());
    }

    private void integral(long l) {
        tag('L');
        putLong(l);
    }

    /** UTF-16LE code units, not UTF-8: every String has exactly one, lone surrogates included; no swap on x86 or ARM. */
    private void string(String s) {
        tag('S');
        putLong(s.length());
        flush();
        for (int from = 0; from < s.length(); from += chars.length) {
            int n = Math.min(chars.length, s.length() - from);
            s.getChars(from, from + n, chars, 0);
            charsAsBytes.clear();
            charsAsBytes.put(chars, 0, n);
            sha.update(buffer, 0, 2 * n);
        }
    }

    private void tag(char t) {
        if (used + 1 > buffer.length) {
            flush();
        }
        buffer[used++] = (byte) t;
    }

    private void putLong(long l) {
        if (used + 8 > buffer.length) {
            flush();
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[used++] = (byte) (l >>> shift);
        }
    }

    private void flush() {
        sha.update(buffer, 0, used);
        used = 0;
    }
}
