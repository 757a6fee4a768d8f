package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.TableReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed table's mapping by name: each source column → the destination column it fills, {@value #EXTRA} for a
 * column kept in jsonb extra. The form the report prints, the migration records and `--reverse` writes back through.
 */
public record ColumnMapping(String table, Map<String, String> columns) {
    public static final String EXTRA = "extra";
    private static final ObjectMapper JSON = new ObjectMapper();

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source column that fills {@code destination}, or null when none does. */
    public String column(String destination) {
        return columns.entrySet().stream().filter(e -> e.getValue().equals(destination)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public Set<String> extraColumns() {
        var extra = new LinkedHashSet<String>();
        columns.forEach((column, destination) -> {
            if (destination.equals(EXTRA)) {
                extra.add(column);
            }
        });
        return extra;
    }

    TableReport report(long rows, String destination) {
        var typed = new LinkedHashMap<String, String>(columns);
        typed.values().removeIf(EXTRA::equals);
        return new TableReport(table, rows, destination, typed, List.copyOf(new ArrayList<>(extraColumns())));
    }
}
