package com.alai.cloud.components.database;

import java.util.regex.Pattern;

/** An inclusive IPv4 range allowed through the server firewall. */
public record FirewallRange(String name, String start, String end) {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    public FirewallRange {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("firewall rule name '" + name + "' must be 1-80 of letters, digits, _ and -");
        }
        if (start == null || !IPV4.matcher(start).matches() || end == null || !IPV4.matcher(end).matches()) {
            throw new IllegalArgumentException("firewall rule " + name + ": '" + start + "'-'" + end + "' is not an IPv4 range");
        }
        if (toLong(start) > toLong(end)) {
            throw new IllegalArgumentException("firewall rule " + name + ": start " + start + " is after end " + end);
        }
    }

    /** A single address, e.g. an operator's egress IP. */
    public static FirewallRange single(String name, String ip) {
        return new FirewallRange(name, ip, ip);
    }

    /** Number of addresses the range opens. */
    public long size() {
        return toLong(end) - toLong(start) + 1;
    }

    public static long toLong(String ip) {
        long value = 0;
        for (String part : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }
}
