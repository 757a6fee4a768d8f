package com.alai.cloud.services.skills.web;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.skills.git.ContentException;
import java.util.Map;

/**
 * The one place a path that cannot be served becomes an HTTP status. {@code errors.path} names the reason in a word
 * a client can branch on; the detail says it to a person.
 */
final class Problems {
    private Problems() {
    }

    static ApiException of(ContentException e) {
        return switch (e.kind()) {
            case BAD_PATH -> problem(400, "Bad Request", e, "invalid");
            case NOT_FOUND -> problem(404, "Not Found", e, "not-found");
            case WRONG_TYPE -> problem(404, "Not Found", e, "wrong-type");
            case SYMLINK_ESCAPES -> problem(403, "Forbidden", e, "symlink-escapes");
            case SYMLINK_LOOP -> problem(400, "Bad Request", e, "symlink-loop");
            case SUBMODULE -> problem(404, "Not Found", e, "submodule");
            // As GitHub's contents API does for files over its limit: the request was understood and is refused.
            case TOO_LARGE -> problem(403, "Forbidden", e, "too-large");
        };
    }

    private static ApiException problem(int status, String title, ContentException e, String reason) {
        return new ApiException(status, title, e.getMessage(), Map.of("path", reason));
    }
}
