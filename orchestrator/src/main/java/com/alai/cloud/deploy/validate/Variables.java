package com.alai.cloud.deploy.validate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ${NAME} substitution; an unset variable fails the check naming it. */
public final class Variables {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private final Map<String, String> values;

    public Variables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public String expand(Object template) {
        if (template == null) {
            return null;
        }
        Matcher m = VAR.matcher(template.toString());
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("variable " + m.group(1) + " is not set (pass --var " + m.group(1) + "=… or use --local)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
