package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.Pipeline;
import com.alai.cloud.migrate.mc.ColumnMapping;
import com.alai.cloud.migrate.mc.ColumnPlan;
import com.alai.cloud.migrate.mc.MissionControlMigration;
import com.alai.cloud.migrate.mc.SourceRows;
import com.alai.cloud.migrate.mc.Target;
import com.alai.cloud.migrate.mc.TargetRows;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The task table: `tasks` in PostgreSQL, the file's task table through the mapping the migration recorded. */
final class TaskSide implements TypedSide {
    private final Connection pg;
    private final ColumnPlan plan;
    private final SourceRows source;
    private final LegacyFormats formats;
    private final String rowid;

    TaskSide(Connection sqlite, Connection pg, ColumnPlan plan, String rowid) {
        this.pg = pg;
        this.plan = plan;
        this.rowid = rowid;
        this.source = new SourceRows(sqlite, plan, rowid);
        this.formats = new LegacyFormats(sqlite, plan.table());
    }

    @Override
    public String table() {
        return plan.table();
    }

    @Override
    public List<String> fields() {
        return MissionControlMigration.COLUMNS;
    }

    @Override
    public List<String> columns() {
        return List.copyOf(plan.columns().keySet());
    }

    @Override
    public String key() {
        String id = column(Target.ID.ordinal());
        return id != null ? id : rowid;
    }

    @Override
    public void forEachTarget(Pipeline.Sink<List<Object>> sink) throws Exception {
        new TargetRows(pg).forEach(Long.MAX_VALUE, sink);
    }

    @Override
    public void forEachSource(Set<Long> only, SourceSink sink) throws Exception {
        source.forEachRaw(id -> only == null || only.contains(id), (raw, row) -> sink.accept(raw, MissionControlMigration.values(row)));
    }

    @Override
    public ColumnMapping mapping() {
        return plan.mapping();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object encode(int field, Object value, Object raw) throws Exception {
        String column = column(field);
        return switch (Target.values()[field]) {
            case STATUS -> formats.status(column, (String) value);
            case ARCHIVED -> formats.bool(column, (Boolean) value);
            case TAGS -> formats.tags(column, new ArrayList<>((List<String>) value), raw);
            case CREATED_AT, UPDATED_AT, CLOSED_AT -> formats.date(column, (Instant) value, raw);
            default -> value;
        };
    }
}
