package com.alai.cloud.client.out;

import com.alai.cloud.client.config.Environment;

/**
 * How human output looks: colour only on a terminal and never with NO_COLOR (https://no-color.org) or TERM=dumb;
 * the width from COLUMNS, else 100.
 */
public record Terminal(boolean color, int width) {
    public static Terminal of(Environment env, boolean interactive) {
        boolean color = interactive && !env.noColor() && !"dumb".equals(env.get("TERM").orElse(""))
                || "always".equals(env.get("ALAI_COLOR").orElse("")) && !env.noColor();
        int width = env.get("COLUMNS").filter(c -> c.matches("\\d{2,4}")).map(Integer::parseInt).orElse(100);
        return new Terminal(color, Math.max(40, width));
    }

    public String paint(String text, String ansi) {
        return color ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }
}
