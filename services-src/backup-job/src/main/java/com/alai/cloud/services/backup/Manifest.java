package com.alai.cloud.services.backup;

import java.util.List;
import java.util.Map;

/** What one backup run wrote: per database, its tables with row counts and checksums. */
public record Manifest(int version, String createdAt, String prefix, Map<String, List<TableDump>> databases) {
    public static final String FILE = "manifest.json";
}
