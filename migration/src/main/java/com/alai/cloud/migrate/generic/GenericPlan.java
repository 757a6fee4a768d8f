package com.alai.cloud.migrate.generic;

import com.alai.cloud.migrate.MigrationException;
import com.alai.cloud.migrate.TableReport;
import com.alai.cloud.migrate.schema.SqliteTable;
import com.alai.cloud.services.common.db.SqlIdentifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one table is copied as it is: the same table name in the legacy schema, a bigint key ({@code key}: SQLite's
 * rowid, or the position in primary-key order for a WITHOUT ROWID table), and each column typed by the storage classes
 * of the values it holds, found in one scan that also counts the rows.
 */
public record GenericPlan(SqliteTable table, String key, Map<String, ColumnType> types, long rows) {
    private static final int POSTGRES_NAME_BYTES = 63;

    public static GenericPlan discover(Connection sqlite, SqliteTable table) throws SQLException {
        checkName("table", table.name(), table.name());
        var scan = new StringBuilder("SELECT count(*)");
        for (String column : table.columnNames()) {
            checkName("column", column, table.name());
            String c = SqlIdentifier.quote(column);
            scan.append(", max(typeof(").append(c).append(") = 'integer'), max(typeof(").append(c).append(") = 'real'), max(typeof(")
                    .append(c).append(") = 'text'), max(typeof(").append(c).append(") = 'blob'), max(typeof(").append(c)
                    .append(") = 'text' AND instr(CAST(").append(c).append(" AS BLOB), x'00') > 0)");
        }
        scan.append(" FROM ").append(table.quoted());
        var types = new LinkedHashMap<String, ColumnType>();
        long rows;
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(scan.toString())) {
            rs.next();
            rows = rs.getLong(1);
            int c = 2;
            for (var column : table.columns()) {
                types.put(column.name(), ColumnType.of(column.declaredType(), rs.getBoolean(c), rs.getBoolean(c + 1), rs.getBoolean(c + 2),
                        rs.getBoolean(c + 3), rs.getBoolean(c + 4)));
                c += 5;
            }
        }
        if (!table.withoutRowid()) {
            table.rowidAlias();
        }
        return new GenericPlan(table, keyName(table.columnNames()), types, rows);
    }

    /** A key column that no source column is called: _rowid, else _rowid_, _rowid__ … */
    private static String keyName(List<String> columns) {
        String key = "_rowid";
        while (columns.contains(key)) {
            key += "_";
        }
        return key;
    }

    private static void checkName(String kind, String name, String table) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.getBytes(StandardCharsets.UTF_8).length > POSTGRES_NAME_BYTES) {
            throw new MigrationException(kind + " name '" + name.replace("\0", "\\0") + "' in table '" + table
                    + "' cannot be a PostgreSQL name (1-63 bytes, no NUL); --skip " + table + " to leave the table out");
        }
    }

    public String target(String schema) {
        return SqlIdentifier.quote(schema) + "." + table.quoted();
    }

    public TableReport report(String schema) {
        var columns = new LinkedHashMap<String, String>();
        types.forEach((column, type) -> columns.put(column, type.sql()));
        return new TableReport(table.name(), rows, schema + "." + table.name(), columns, List.of());
    }
}
