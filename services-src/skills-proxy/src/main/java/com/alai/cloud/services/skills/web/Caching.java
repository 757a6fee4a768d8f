package com.alai.cloud.services.skills.web;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * HTTP caching of content whose identity is its git object id. A request that names the pinned commit
 * ({@code ?commit=<40 hex>}) addresses content that can never change: {@code immutable}, cached for a year. One that
 * does not names "whatever is pinned now", which moves with a deploy: cached, but revalidated every time with the
 * ETag (the object id), which answers 304 while the object is unchanged.
 */
final class Caching {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private final ObjectId pinned;

    Caching(ObjectId pinned) {
        this.pinned = pinned;
    }

    /** True when the request names the pinned commit; a malformed or other commit is refused. */
    boolean addressedByCommit(Request request) {
        var commit = request.param("commit");
        if (commit.isEmpty()) {
            return false;
        }
        String given = commit.get();
        if (!ObjectId.isId(given)) {
            throw ApiException.badRequest("commit must be a full 40-hex commit id, not '"
                    + (given.length() > 64 ? given.substring(0, 64) + "…" : given).replaceAll("\\p{Cntrl}", "?") + "'");
        }
        if (!ObjectId.fromString(given).equals(pinned)) {
            throw ApiException.notFound("commit " + given + " is not served; this proxy serves " + pinned.name()
                    + " (GET /v1/commit), and the pin moves only with a deploy");
        }
        return true;
    }

    Map<String, String> headers(ObjectId id, boolean immutable) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("ETag", etag(id));
        headers.put("Cache-Control", immutable ? IMMUTABLE : REVALIDATE);
        return headers;
    }

    /** If-None-Match (RFC 9110 §13.1.2): weak comparison, a list of tags, or {@code *}. */
    static boolean notModified(Request request, ObjectId id) {
        var header = request.header("If-None-Match");
        if (header.isEmpty()) {
            return false;
        }
        String mine = etag(id);
        for (String tag : header.get().split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    static String etag(ObjectId id) {
        return "\"" + id.name() + "\"";
    }
}
