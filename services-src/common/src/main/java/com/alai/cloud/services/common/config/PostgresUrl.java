package com.alai.cloud.services.common.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as operators write it — postgres://user:pass@host:5432/db?params — or as JDBC
 * (jdbc:postgresql://…), turned into a JDBC URL plus credentials. Messages never contain the password.
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "PostgresUrl[" + jdbcUrl + ", user=" + user + ", password=***]";
    }

    /** @throws IllegalArgumentException saying what is wrong, without echoing the URL */
    public static PostgresUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is empty; expected postgres://user:pass@host:5432/db");
        }
        if (url.startsWith("jdbc:postgresql://")) {
            // The driver reads user and password from the query too; taking them here lets the URL stand alone.
            return new PostgresUrl(url, queryParam(url, "user"), queryParam(url, "password"));
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("must be a postgres:// or jdbc:postgresql:// URL");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("must name a host and a database: postgres://user:pass@host:5432/db");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getRawUserInfo().split(":", 2);
            user = decode(info[0]);
            password = info.length == 2 ? decode(info[1]) : null;
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new PostgresUrl(jdbc, user, password);
    }

    /** host:port of the JDBC URL, for messages. */
    public String host() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String queryParam(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return decode(pair.substring(name.length() + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
