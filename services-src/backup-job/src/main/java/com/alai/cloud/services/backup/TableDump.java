package com.alai.cloud.services.backup;

import java.util.List;

/** One table in a backup: where it came from, its columns (to recreate it), how many rows, and their checksum. */
public record TableDump(String schema, String table, List<Column> columns, List<String> orderBy, long rows,
                        String sha256, String blob) {

    public record Column(String name, String type) {
    }

    public String qualified() {
        return Sql.quote(schema) + "." + Sql.quote(table);
    }
}
