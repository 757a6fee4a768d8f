package com.alai.cloud.services.mc;

import java.time.Instant;
import java.util.Map;

/**
 * A comment on a task as the API returns it. {@code kind} names where it came from (an ANVIL table such as
 * task_comments or task_events); {@code extra} holds legacy columns the migration kept.
 */
public record Comment(long id, long taskId, String kind, String author, String body, Instant createdAt,
                      Map<String, Object> extra) {
}
