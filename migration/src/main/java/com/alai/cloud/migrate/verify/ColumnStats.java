package com.alai.cloud.migrate.verify;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * One column's aggregates over a side: non-null count; the sum of numbers, of text lengths in code points, or of
 * collection sizes; and the least and greatest value (collections have no order and take no part in min/max).
 */
final class ColumnStats {
    private long nonNull;
    private double sum;
    private Object min;
    private Object max;

    void add(Object value) {
        if (value == null) {
            return;
        }
        nonNull++;
        switch (value) {
            case Number n -> {
                sum += n.doubleValue();
                order(Canonical.normal(n));
            }
            case Instant i -> order(i);
            case Collection<?> c -> sum += c.size();
            case Map<?, ?> m -> sum += m.size();
            case byte[] b -> sum += b.length;
            default -> {
                String text = value.toString();
                sum += text.codePointCount(0, text.length());
                order(text);
            }
        }
    }

    private void order(Object value) {
        if (min == null || compare(value, min) < 0) {
            min = value;
        }
        if (max == null || compare(value, max) > 0) {
            max = value;
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        return a.getClass() == b.getClass() ? ((Comparable<Object>) a).compareTo(b) : a.toString().compareTo(b.toString());
    }

    String describe() {
        return "nonNull=" + nonNull + " sum=" + (long) sum + " min=" + abbreviate(min) + " max=" + abbreviate(max);
    }

    private static String abbreviate(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        return text.length() <= 24 ? text : text.substring(0, 24) + "…#" + Integer.toHexString(text.hashCode());
    }
}
