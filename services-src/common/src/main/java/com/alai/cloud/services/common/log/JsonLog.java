package com.alai.cloud.services.common.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per line on stderr, for Container Apps' log stream. Callers never pass secret values. */
public final class JsonLog {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        var line = new LinkedHashMap<String, Object>();
        line.put("ts", Instant.now().toString());
        line.put("level", level);
        line.put("service", service);
        line.put("msg", message);
        line.putAll(fields);
        try {
            String text = JSON.writeValueAsString(line);
            synchronized (out) {
                out.println(text);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.println("{\"level\":\"error\",\"msg\":\"unloggable event\"}");
        }
    }
}
