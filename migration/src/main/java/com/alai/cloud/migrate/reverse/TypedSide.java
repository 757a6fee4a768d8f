package com.alai.cloud.migrate.reverse;

import com.alai.cloud.migrate.Pipeline;
import com.alai.cloud.migrate.mc.ColumnMapping;
import java.util.List;
import java.util.Set;

/**
 * One typed table seen from both ends: its rows in PostgreSQL and in the file, as value lists in the same field order
 * (id first, extra last), and how a field's value is written back into the file's own column and format.
 */
interface TypedSide {
    /** A file row: its raw values in {@link #columns()} order, and the same row converted. */
    interface SourceSink {
        void accept(Object[] raw, List<Object> values) throws Exception;
    }

    String table();

    /** The fields of a value list: id first, extra last. */
    List<String> fields();

    /** The file's columns, in the order raw values come. */
    List<String> columns();

    /** The column that addresses a row in UPDATE and INSERT: its id column, else the rowid. */
    String key();

    void forEachTarget(Pipeline.Sink<List<Object>> sink) throws Exception;

    /** Every file row, or only those in {@code only} when it is not null. */
    void forEachSource(Set<Long> only, SourceSink sink) throws Exception;

    /** The mapping the migration used; its destinations are the names of {@link #fields()}. */
    ColumnMapping mapping();

    /** The file column a field (by index) maps to, or null when the file has none. */
    default String column(int field) {
        return mapping().column(fields().get(field));
    }

    /** The file columns kept in extra. */
    default Set<String> extraColumns() {
        return mapping().extraColumns();
    }

    /** A field's value as the file column holds it; {@code raw} is the row's current value, or null for a new row. */
    Object encode(int field, Object value, Object raw) throws Exception;
}
