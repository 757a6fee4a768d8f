package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeMap;

/** Strict parsing of a POST /tasks/{id}/comments body: {"body": required text, "author": optional name}. */
final class CommentJson {
    static final int MAX_BODY = 100_000;
    private static final Set<String> FIELDS = Set.of("body", "author");

    /** A validated comment; {@code author} is null when the body names none (the caller's subject stands in). */
    record NewComment(String author, String body) {
    }

    private CommentJson() {
    }

    static NewComment parse(String text) {
        JsonNode root = TaskJson.object(text);
        var errors = new TreeMap<String, String>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                errors.put(name.length() > 60 ? name.substring(0, 60) : name, "is not a field of a comment");
            }
        }
        String body = TaskJson.text(root, "body", MAX_BODY, errors);
        if (body == null && !errors.containsKey("body")) {
            errors.put("body", "is required");
        } else if (body != null && body.isBlank() && !errors.containsKey("body")) {
            errors.put("body", "must not be blank");
        }
        JsonNode author = root.get("author");
        if (author != null && !author.isNull() && !(author.isTextual() && TaskJson.ASSIGNEE.matcher(author.textValue()).matches())) {
            errors.put("author", "must be 1-100 of letters, digits and . _ @ -");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewComment(author == null || author.isNull() ? null : author.textValue(), body);
    }
}
