package com.alai.cloud.migrate.mc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row as it must be in PostgreSQL; {@code extra} is sorted so equal rows have equal canonical forms. */
public record TaskRow(long id, String title, String description, String status, String assignee, List<String> tags,
                      Integer priority, Instant createdAt, Instant updatedAt, Instant closedAt, boolean archived,
                      Map<String, Object> extra) {
}
