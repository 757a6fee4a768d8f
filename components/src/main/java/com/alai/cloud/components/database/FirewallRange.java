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

    /**
     * Ranges Azure never sees as a caller's source: private (RFC 1918), CGNAT (100.64.0.0/10, where Tailscale
     * addresses live), loopback and link-local. A firewall entry naming one protects nothing and admits no one.
     */
    private static final java.util.List<FirewallRange> NOT_PUBLIC = java.util.List.of(
            new FirewallRange("rfc1918-10", "10.0.0.0", "10.255.255.255"),
            new FirewallRange("rfc1918-172", "172.16.0.0", "172.31.255.255"),
            new FirewallRange("rfc1918-192", "192.168.0.0", "192.168.255.255"),
            new FirewallRange("cgnat", "100.64.0.0", "100.127.255.255"),
            new FirewallRange("loopback", "127.0.0.0", "127.255.255.255"),
            new FirewallRange("link-local", "169.254.0.0", "169.254.255.255"));

    /** This range, refused when any part of it is not a public address. */
    public FirewallRange requirePublic() {
        for (FirewallRange reserved : NOT_PUBLIC) {
            if (toLong(start) <= toLong(reserved.end) && toLong(end) >= toLong(reserved.start)) {
                throw new IllegalArgumentException("firewall rule " + name + ": " + start + "-" + end + " overlaps "
                        + reserved.name + " (" + reserved.start + "-" + reserved.end + "), which Azure never sees as a source;"
                        + " use the machine's public egress address (curl -s https://ifconfig.me)");
            }
        }
        return this;
    }

    /** Refuses a non-public IPv4 address given as {@code what}. */
    public static void requirePublic(String what, String ip) {
        single(what.replaceAll("[^A-Za-z0-9_-]", "-"), ip).requirePublic();
    }

    /** A single address, e.g. an operator's egress IP. */
    public static FirewallRange single(String name, String ip) {
        return new FirewallRange(name, ip, ip);
    }

    /** An aligned CIDR block such as 203.0.113.0/24. */
    public static FirewallRange cidr(String name, String block) {
        String[] parts = block.split("/", 2);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32) {
            throw new IllegalArgumentException("'" + block + "' is not an IPv4 CIDR block (a.b.c.d/n)");
        }
        single(name, parts[0]);
        long size = 1L << (32 - Integer.parseInt(parts[1]));
        long start = toLong(parts[0]);
        if (start % size != 0) {
            throw new IllegalArgumentException("'" + block + "' has host bits set; the block starts at " + ip(start - start % size));
        }
        return new FirewallRange(name, parts[0], ip(start + size - 1));
    }

    static String ip(long value) {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
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
