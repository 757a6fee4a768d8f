package com.alai.cloud.migrate.mc;

import java.time.Instant;
import java.util.List;

/** PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes; arrays in their literal syntax. */
final class CopyText {
    private CopyText() {
    }

    static void field(StringBuilder line, Object value) {
        if (line.length() > 0) {
            line.append('\t');
        }
        if (value == null) {
            line.append("\\N");
            return;
        }
        String text = switch (value) {
            case Instant instant -> instant.toString();
            case List<?> list -> array(list);
            default -> value.toString();
        };
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    private static String array(List<?> items) {
        var out = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(items.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
