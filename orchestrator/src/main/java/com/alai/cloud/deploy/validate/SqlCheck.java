package com.alai.cloud.deploy.validate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

/** kind: sql — url (JDBC), query returning one number; expect equals / atLeast, or compare with a second query. */
final class SqlCheck implements CheckKind {

    static long single(String url, String query, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setReadOnly(true);
            try (var ps = c.prepareStatement(query)) {
                ps.setQueryTimeout(30);
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the query returned no row");
                    }
                    return rs.getLong(1);
                }
            }
        }
    }

    @Override
    public String run(Check check, Variables vars) throws Exception {
        Map<String, Object> expect = CheckKind.map(check.spec().get("expect"));
        long value = single(vars.expand(check.spec().get("url")), vars.expand(check.spec().get("query")));
        if (expect.get("equals") != null) {
            long wanted = Long.parseLong(vars.expand(expect.get("equals")));
            return value == wanted ? null : "got " + value + ", expected " + wanted;
        }
        if (expect.get("atLeast") != null) {
            long wanted = Long.parseLong(vars.expand(expect.get("atLeast")));
            return value >= wanted ? null : "got " + value + ", expected at least " + wanted;
        }
        if (expect.get("sameAs") != null) {
            long other = single(vars.expand(check.spec().getOrDefault("compareUrl", check.spec().get("url"))), vars.expand(expect.get("sameAs")));
            return value == other ? null : "got " + value + " and " + other;
        }
        return "the check names no expectation (equals, atLeast or sameAs)";
    }

}
