package com.alai.cloud.client.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** application/x-www-form-urlencoded both ways: token requests, authorization URLs and redirect queries. */
final class Form {
    private Form() {
    }

    static String encode(Map<String, String> fields) {
        var joined = new StringJoiner("&");
        fields.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** A query string's fields; a field given twice is refused (it is how a code or state gets smuggled in). */
    static Map<String, String> decode(String query) {
        var fields = new LinkedHashMap<String, String>();
        if (query == null || query.isEmpty()) {
            return fields;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (fields.put(key, value) != null) {
                throw new IllegalArgumentException("parameter " + key + " given twice");
            }
        }
        return fields;
    }
}
