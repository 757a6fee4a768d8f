package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;

/** GET /tasks query: filters, a cursor (the last id seen, opaque to clients) and a page size. */
record TaskFilter(String status, String assignee, String tag, Instant updatedSince, String text, long afterId, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Set<String> PARAMS = Set.of("status", "assignee", "tag", "updated_since", "q", "cursor", "limit");

    static TaskFilter from(Request request) {
        for (String name : request.query().keySet()) {
            if (!PARAMS.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + shorten(name) + "'; known: " + PARAMS);
            }
        }
        String status = request.param("status").orElse(null);
        if (status != null && !status.equals("any_open") && !TaskStatus.known(status)) {
            throw ApiException.badRequest("status must be one of " + TaskStatus.ALL + " or any_open");
        }
        Instant since = request.param("updated_since").map(TaskFilter::instant).orElse(null);
        String text = request.param("q").orElse(null);
        if (text != null && (text.isBlank() || text.length() > 200)) {
            throw ApiException.badRequest("q must be 1-200 characters");
        }
        return new TaskFilter(status, bounded(request.param("assignee").orElse(null), "assignee"),
                bounded(request.param("tag").orElse(null), "tag"), since, text,
                request.param("cursor").map(TaskFilter::decodeCursor).orElse(0L), limit(request.param("limit").orElse(null)));
    }

    static String cursor(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.matches("id:\\d{1,18}")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(3));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not one this API returned");
        }
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(raw);
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("updated_since must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static String bounded(String value, String name) {
        if (value != null && (value.isEmpty() || value.length() > 100)) {
            throw ApiException.badRequest(name + " must be 1-100 characters");
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
