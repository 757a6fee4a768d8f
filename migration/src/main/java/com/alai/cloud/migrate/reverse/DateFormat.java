package com.alai.cloud.migrate.reverse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The encodings ANVIL's scripts wrote dates in, sniffed from a value, and a date written back in one of them. A date
 * finer than the encoding can hold is written as ISO-8601 with its fraction instead, so writing back never rounds.
 */
enum DateFormat {
    ISO, SQLITE, EPOCH_SECONDS, EPOCH_MILLIS;

    private static final DateTimeFormatter SQLITE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SQLITE_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** The format of a stored value, or null when it is none of them. */
    static DateFormat of(Object raw) {
        if (raw instanceof Number n) {
            return Math.abs(n.longValue()) >= 100_000_000_000L ? EPOCH_MILLIS : EPOCH_SECONDS;
        }
        if (!(raw instanceof String s)) {
            return null;
        }
        String t = s.strip();
        if (t.matches("\\d{9,13}")) {
            return t.length() >= 12 ? EPOCH_MILLIS : EPOCH_SECONDS;
        }
        if (t.length() >= 19 && t.charAt(10) == ' ') {
            return SQLITE;
        }
        return t.length() >= 19 && t.charAt(10) == 'T' ? ISO : null;
    }

    /** {@code integer}: the column held this format as an INTEGER, not as text. */
    Object write(Instant value, boolean integer) {
        int nanos = value.getNano();
        return switch (this) {
            case EPOCH_SECONDS -> nanos != 0 ? value.toString() : integer ? (Object) value.getEpochSecond() : Long.toString(value.getEpochSecond());
            case EPOCH_MILLIS -> nanos % 1_000_000 != 0 ? value.toString() : integer ? (Object) value.toEpochMilli() : Long.toString(value.toEpochMilli());
            case SQLITE -> nanos == 0 ? SQLITE_TEXT.format(value) : nanos % 1_000_000 == 0 ? SQLITE_MILLIS.format(value) : value.toString();
            case ISO -> value.toString();
        };
    }
}
