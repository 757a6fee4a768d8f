package com.alai.cloud.migrate.mc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One legacy comment as it must be in `task_comments`. A task reference that is not the id of a migrated task
 * becomes NULL with its raw value in {@code extra["_legacy.task_id"]}, so the foreign key holds and nothing is lost.
 */
public record CommentRow(long id, Long taskId, String author, String body, Instant createdAt, Map<String, Object> extra) {

    public static CommentRow convert(CommentPlan plan, long rowid, Object[] values, Set<Long> tasks) {
        var extra = new TreeMap<String, Object>();
        Object task = null;
        Object author = null;
        Object body = null;
        Object created = null;
        boolean hasCreated = false;
        int c = 0;
        for (var column : plan.columns().entrySet()) {
            Object value = values[c++];
            switch (column.getValue()) {
                case ID -> { }
                case TASK_ID -> task = value;
                case AUTHOR -> author = value;
                case BODY -> body = value;
                case CREATED_AT -> {
                    created = value;
                    hasCreated = true;
                }
                case EXTRA -> extra.put(column.getKey(), RowConverter.json(value));
            }
        }
        Long taskId = task instanceof Number n && n.doubleValue() == n.longValue() && tasks.contains(n.longValue()) ? n.longValue() : null;
        if (taskId == null) {
            extra.put(RowConverter.LEGACY + "task_id", RowConverter.json(task));
        }
        Instant at = RowConverter.instant(created, "created_at", extra);
        if (at == null) {
            if (hasCreated) {
                extra.putIfAbsent(RowConverter.LEGACY + "created_at", null);
            }
            at = Instant.EPOCH;
        }
        return new CommentRow(rowid, taskId, RowConverter.text(author, "author", extra), RowConverter.text(body, "body", extra),
                at, extra);
    }

    public List<Object> values() {
        return Arrays.asList(id, taskId, author, body, createdAt, extra);
    }
}
