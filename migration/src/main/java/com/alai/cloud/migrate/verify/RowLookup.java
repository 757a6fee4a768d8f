package com.alai.cloud.migrate.verify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fetches the full values of a few rows by id, to show what differs; only asked after a difference is found. */
public interface RowLookup {
    Map<Long, List<Object>> rows(Set<Long> ids);
}
