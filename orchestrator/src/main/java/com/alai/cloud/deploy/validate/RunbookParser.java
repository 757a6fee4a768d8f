package com.alai.cloud.deploy.validate;

import com.alai.cloud.deploy.UsageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the ```check blocks of a runbook; a malformed block is reported with its file and line. */
public final class RunbookParser {
    static final Set<String> KINDS = Set.of("http", "sql", "write_visible", "tcp", "dns", "command", "healthy_for");
    private static final int MAX_BLOCK = 8_192;
    private static final java.util.regex.Pattern ANCHOR = java.util.regex.Pattern.compile("(^|[\\s\\[{,:-])[&*][A-Za-z0-9_-]+", java.util.regex.Pattern.MULTILINE);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(limits()).build());

    private RunbookParser() {
    }

    private static org.yaml.snakeyaml.LoaderOptions limits() {
        var options = new org.yaml.snakeyaml.LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_BLOCK);
        return options;
    }

    public static List<Check> parse(Path runbook) {
        return parse(runbook, "check");
    }

    /** The blocks whose info string is {@code info}: ```check, or ```rollback-step for what `rollback` runs itself. */
    public static List<Check> parse(Path runbook, String info) {
        List<String> lines;
        try {
            lines = Files.readAllLines(runbook);
        } catch (IOException e) {
            throw new UsageException("cannot read runbook " + runbook + ": " + e.getMessage());
        }
        var checks = new ArrayList<Check>();
        var ids = new HashSet<String>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```" + info)) {
                continue;
            }
            int start = i + 1;
            var block = new StringBuilder();
            int j = start;
            while (j < lines.size() && !lines.get(j).strip().startsWith("```")) {
                block.append(lines.get(j)).append('\n');
                j++;
            }
            String where = runbook.getFileName() + ":" + start;
            if (j == lines.size()) {
                throw new UsageException(where + ": ```" + info + " block is not closed");
            }
            if (block.length() > MAX_BLOCK) {
                throw new UsageException(where + ": check block is larger than " + MAX_BLOCK + " characters");
            }
            Check check = check(block.toString(), where);
            if (!ids.add(check.id())) {
                throw new UsageException(where + ": duplicate check id '" + check.id() + "'");
            }
            checks.add(check);
            i = j;
        }
        return checks;
    }

    private static Check check(String yaml, String where) {
        if (ANCHOR.matcher(yaml).find()) {
            throw new UsageException(where + ": YAML anchors and aliases are not allowed in check blocks");
        }
        Map<String, Object> spec;
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || !node.isObject()) {
                throw new UsageException(where + ": a check block must be a YAML mapping");
            }
            spec = YAML.convertValue(node, new TypeReference<Map<String, Object>>() { });
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new UsageException(where + ": invalid YAML (" + firstLine(e.getMessage()) + ")");
        }
        Object id = spec.get("id");
        Object kind = spec.get("kind");
        if (!(id instanceof String s) || !s.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            throw new UsageException(where + ": id must be 2-61 lowercase letters, digits and -");
        }
        if (!(kind instanceof String k) || !KINDS.contains(k)) {
            throw new UsageException(where + ": kind must be one of " + new java.util.TreeSet<>(KINDS));
        }
        for (String key : List.of("timeoutSeconds", "seconds", "intervalSeconds", "withinMillis", "maxMillis", "port")) {
            Object value = spec.get(key);
            if (value != null && (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 86_400_000)) {
                throw new UsageException(where + ": " + key + " must be a non-negative number");
            }
        }
        return new Check((String) id, (String) kind, String.valueOf(spec.getOrDefault("criterion", "")),
                !Boolean.FALSE.equals(spec.get("local")), spec, where);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
