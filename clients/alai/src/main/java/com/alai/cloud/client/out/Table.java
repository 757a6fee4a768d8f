package com.alai.cloud.client.out;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header, columns as wide as their widest cell, the last column cut to the terminal width.
 * Control characters in cells are shown as spaces, so a hostile title cannot move the cursor or fake a row.
 */
public final class Table {
    public record Cell(String text, String ansi) {
    }

    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        var row = new ArrayList<Cell>();
        for (Object cell : cells) {
            row.add(cell instanceof Cell c ? new Cell(clean(c.text()), c.ansi()) : new Cell(clean(cell == null ? "-" : cell.toString()), null));
        }
        rows.add(row);
        return this;
    }

    public static Cell colored(Object text, String ansi) {
        return new Cell(text == null ? "-" : text.toString(), ansi);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render(Terminal terminal) {
        int n = header.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = header.get(c).length();
            for (List<Cell> row : rows) {
                width[c] = Math.max(width[c], length(row.get(c).text()));
            }
        }
        int used = 0;
        for (int c = 0; c < n - 1; c++) {
            used += width[c] + 2;
        }
        width[n - 1] = Math.max(10, Math.min(width[n - 1], terminal.width() - used));
        var text = new StringBuilder();
        line(text, header.stream().map(h -> new Cell(h, "1")).toList(), width, terminal);
        for (List<Cell> row : rows) {
            line(text, row, width, terminal);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<Cell> cells, int[] width, Terminal terminal) {
        var line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cut(cells.get(c).text(), width[c]);
            String padded = c == cells.size() - 1 ? cell : cell + " ".repeat(width[c] - length(cell) + 2);
            line.append(cells.get(c).ansi() == null ? padded : terminal.paint(cell, cells.get(c).ansi())
                    + (c == cells.size() - 1 ? "" : " ".repeat(width[c] - length(cell) + 2)));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cut(String s, int width) {
        if (length(s) <= width) {
            return s;
        }
        int end = s.offsetByCodePoints(0, Math.max(0, width - 1));
        return s.substring(0, end) + "…";
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    public static String clean(String s) {
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || cp == 0x202E || cp == 0x202D
                || (cp >= 0x2066 && cp <= 0x2069) ? ' ' : cp));
        return out.toString();
    }
}
