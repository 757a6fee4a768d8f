package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The one place an exception becomes an HTTP status and an RFC 9457 body. Internal details never leak. */
public final class ProblemWriter {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = Json.mapper();

    private ProblemWriter() {
    }

    /** Connection exceptions (08000-08007) and a server shutting down or starting (57P01-57P03): worth a retry. */
    private static final Set<String> TRANSIENT = Set.of("08000", "08001", "08003", "08004", "08006",
            "08007", "57P01", "57P02", "57P03");

    static boolean databaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && TRANSIENT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static Response toResponse(Throwable error, String path, String requestId) {
        int status = 500;
        String title = "Internal Server Error";
        String detail = "an unexpected error occurred; quote request id " + requestId;
        Map<String, String> fields = Map.of();
        Map<String, String> headers = Map.of();
        if (error instanceof ApiException api) {
            status = api.status();
            title = api.title();
            detail = api.getMessage();
            fields = api.fieldErrors();
        } else if (databaseUnavailable(error)) {
            status = 503;
            title = "Service Unavailable";
            detail = "the database is unavailable; retry shortly (writes with an Idempotency-Key are safe to retry)";
        }
        if (error instanceof ApiException api && api.retryAfterSeconds().isPresent()) {
            headers = Map.of("Retry-After", String.valueOf(api.retryAfterSeconds().get()));
        } else if (status == 503) {
            headers = Map.of("Retry-After", "1");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path);
        body.put("requestId", requestId);
        if (!fields.isEmpty()) {
            body.put("errors", new java.util.TreeMap<>(fields));
        }
        try {
            return new Response(status, MEDIA_TYPE, JSON.writeValueAsBytes(body), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
