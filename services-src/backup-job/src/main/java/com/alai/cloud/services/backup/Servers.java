package com.alai.cloud.services.backup;

/** Splits jdbc:postgresql://host:5432/db?params into the server part (…/) and the parameters (?params). */
public final class Servers {
    private Servers() {
    }

    public static String base(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("expected a jdbc:postgresql:// URL");
        }
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        return slash < 0 ? jdbcUrl + "/" : jdbcUrl.substring(0, slash + 1);
    }

    public static String query(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? "" : jdbcUrl.substring(q);
    }
}
