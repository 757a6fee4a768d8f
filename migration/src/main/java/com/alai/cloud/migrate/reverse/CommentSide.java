package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.Pipeline;
import com.alai.cloud.migrate.mc.ColumnMapping;
import com.alai.cloud.migrate.mc.CommentPlan;
import com.alai.cloud.migrate.mc.CommentSourceRows;
import com.alai.cloud.migrate.mc.CommentTargetRows;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A comment table: its kind in `task_comments`, the file's table through the mapping the migration recorded. */
final class CommentSide implements TypedSide {
    private final Connection pg;
    private final CommentPlan plan;
    private final CommentSourceRows source;
    private final LegacyFormats formats;

    CommentSide(Connection sqlite, Connection pg, CommentPlan plan, Set<Long> tasks) {
        this.pg = pg;
        this.plan = plan;
        this.source = new CommentSourceRows(sqlite, plan, tasks);
        this.formats = new LegacyFormats(sqlite, plan.table().name());
    }

    @Override
    public String table() {
        return plan.table().name();
    }

    @Override
    public List<String> fields() {
        return com.alai.cloud.migrate.mc.CommentCopy.COLUMNS;
    }

    @Override
    public List<String> columns() {
        return List.copyOf(plan.columns().keySet());
    }

    @Override
    public String key() {
        String id = column(CommentPlan.Column.ID.ordinal());
        return id != null ? id : plan.table().rowidAlias();
    }

    @Override
    public void forEachTarget(Pipeline.Sink<List<Object>> sink) throws Exception {
        new CommentTargetRows(pg, plan.kind()).forEach(Long.MAX_VALUE, null, sink);
    }

    @Override
    public void forEachSource(Set<Long> only, SourceSink sink) throws Exception {
        source.forEachRaw(only == null ? Set.of() : only, (raw, row) -> sink.accept(raw, row.values()));
    }

    @Override
    public ColumnMapping mapping() {
        return plan.mapping();
    }

    @Override
    public Object encode(int field, Object value, Object raw) throws Exception {
        return CommentPlan.Column.values()[field] == CommentPlan.Column.CREATED_AT
                ? formats.date(column(field), (Instant) value, raw) : value;
    }
}
