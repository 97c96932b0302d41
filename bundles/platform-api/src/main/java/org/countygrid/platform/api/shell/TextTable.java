package org.countygrid.platform.api.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for shell commands whose columns line up in a terminal with Chinese text too. It prints like Karaf's
 * {@code TextTable} (same calls, columns joined by {@code " | "}, a line of dashes under the headers), but counts
 * widths in terminal cells: a Chinese character, a full-width letter or punctuation mark takes two cells, a combining
 * mark none, where {@code TextTable} counts Java chars and so shifts every column after a name like 王秀英 by three.
 */
public final class TextTable {

    /** One column: its header, alignment and width limit. */
    public static final class Column {
        private final String header;
        private boolean right;
        private int maxSize = Integer.MAX_VALUE;
        private boolean wrap;
        private int size;

        Column(String header) {
            this.header = header;
            this.size = width(header);
        }

        public Column alignRight() {
            right = true;
            return this;
        }

        /** At most this many cells wide: longer content is cut with "…", or put on more lines after {@link #wrap()}. */
        public Column maxSize(int cells) {
            if (cells < 2) {
                throw new IllegalArgumentException("a column needs at least 2 cells, got " + cells);
            }
            maxSize = cells;
            return this;
        }

        /** Longer content goes on more lines instead of being cut. */
        public Column wrap() {
            wrap = true;
            return this;
        }

        /** The content as the lines it takes in this column, each at most {@link #maxSize} cells. */
        List<String> lines(String text) {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\r?\n", -1)) {
                if (width(line) <= maxSize) {
                    lines.add(line);
                } else if (!wrap) {
                    lines.add(cut(line, maxSize - 1) + "…");
                } else {
                    String rest = line;
                    while (width(rest) > maxSize) {
                        String head = cut(rest, maxSize);
                        lines.add(head);
                        rest = rest.substring(head.length());
                    }
                    lines.add(rest);
                }
            }
            return lines;
        }

        String pad(String text, boolean last) {
            int gap = size - width(text);
            if (right) {
                return " ".repeat(gap) + text;
            }
            return last ? text : text + " ".repeat(gap);
        }
    }

    /** One row: its content, one value per column. */
    public final class Row {
        private final List<String> cells = new ArrayList<>();

        /** Adds values in column order; null prints as nothing. */
        public Row addContent(Object... values) {
            for (Object value : values) {
                cells.add(value == null ? "" : String.valueOf(value));
            }
            return this;
        }
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private boolean headers = true;
    private String emptyTableText;

    public Column column(String header) {
        Column column = new Column(header);
        columns.add(column);
        return column;
    }

    public TextTable noHeaders() {
        headers = false;
        return this;
    }

    /** Printed under the headers when the table has no rows. */
    public TextTable emptyTableText(String text) {
        emptyTableText = text;
        return this;
    }

    public Row addRow() {
        Row row = new Row();
        rows.add(row);
        return row;
    }

    public void print(PrintStream out) {
        List<List<List<String>>> laidOut = new ArrayList<>();
        for (Row row : rows) {
            if (row.cells.size() > columns.size()) {
                throw new IllegalStateException("a row has " + row.cells.size() + " values for " + columns.size() + " columns");
            }
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                List<String> lines = column.lines(c < row.cells.size() ? row.cells.get(c) : "");
                lines.forEach(line -> column.size = Math.max(column.size, width(line)));
                cells.add(lines);
            }
            laidOut.add(cells);
        }
        if (headers) {
            StringBuilder header = new StringBuilder();
            StringBuilder rule = new StringBuilder();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                boolean last = c == columns.size() - 1;
                header.append(c == 0 ? "" : " | ").append(column.pad(column.header, last));
                rule.append(c == 0 ? "" : "-+-").append("-".repeat(column.size));
            }
            out.println(strip(header));
            out.println(rule);
        }
        if (rows.isEmpty() && emptyTableText != null) {
            out.println(emptyTableText);
        }
        for (List<List<String>> cells : laidOut) {
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns.size(); c++) {
                    List<String> lines = cells.get(c);
                    line.append(c == 0 ? "" : " | ").append(columns.get(c).pad(l < lines.size() ? lines.get(l) : "",
                            c == columns.size() - 1));
                }
                out.println(strip(line));
            }
        }
    }

    private static String strip(CharSequence line) {
        return line.toString().stripTrailing();
    }

    /** The longest start of {@code text} that takes at most {@code cells} cells, never splitting a character. */
    static String cut(String text, int cells) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > cells) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    /** How many terminal cells {@code text} takes. */
    public static int width(String text) {
        int cells = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            cells += width(cp);
            i += Character.charCount(cp);
        }
        return cells;
    }

    /**
     * Cells of one code point, as terminals count them (wcwidth): 0 for combining marks and zero-width characters, 2 for
     * East Asian wide and full-width ones (Unicode's East_Asian_Width W and F), 1 for the rest.
     */
    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        if (cp < 0x1100) {
            return 1;
        }
        boolean wide = cp <= 0x115F                       // Hangul Jamo initials
                || cp == 0x2329 || cp == 0x232A
                || (cp >= 0x2E80 && cp <= 0x303E)         // CJK radicals, Kangxi, ideographic description, CJK punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)         // kana, Bopomofo, Hangul compatibility, Kanbun, enclosed CJK, compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)         // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)         // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)         // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)         // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)         // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)         // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)         // full-width forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)       // pictographs and emoji
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);      // CJK extensions B and later
        return wide ? 2 : 1;
    }
}
