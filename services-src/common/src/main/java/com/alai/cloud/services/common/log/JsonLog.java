package com.alai.cloud.services.common.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on stderr, for Container Apps' log stream. Callers never pass secret values. Written by
 * hand rather than through a JSON library: a line per request is on every service's hot path.
 */
public final class JsonLog {
    private final String service;
    private final PrintStream out;

    public JsonLog(String service) {
        this(service, System.err);
    }

    public JsonLog(String service, PrintStream out) {
        this.service = service;
        this.out = out;
    }

    public void info(String message, Map<String, Object> fields) {
        write("info", message, fields);
    }

    public void warn(String message, Map<String, Object> fields) {
        write("warn", message, fields);
    }

    public void error(String message, Map<String, Object> fields) {
        write("error", message, fields);
    }

    private void write(String level, String message, Map<String, Object> fields) {
        var line = new StringBuilder(160);
        line.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"service\":");
        string(line, service);
        line.append(",\"msg\":");
        string(line, message);
        for (var field : fields.entrySet()) {
            line.append(',');
            string(line, field.getKey());
            line.append(':');
            Object value = field.getValue();
            if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                string(line, String.valueOf(value));
            }
        }
        line.append('}');
        out.println(line);
    }

    static void string(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
