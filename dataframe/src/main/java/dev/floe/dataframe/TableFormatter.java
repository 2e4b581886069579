package dev.floe.dataframe;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders tables for people (an aligned text table with column types) and for programs (RFC 4180
 * CSV: doubles in shortest round-trip form, timestamps as {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, dates
 * as {@code YYYY-MM-DD}, decimals with every digit at their scale and no exponent, NULL as an empty
 * field, the empty string as {@code ""}).
 */
public final class TableFormatter {
    private TableFormatter() {
    }

    /** The text of a value as a person reads it: NULL for null. */
    static String cell(Table t, int row, int column) {
        Object v = t.get(row, column);
        return v == null ? "NULL" : Values.format(t.schema().field(column).type(), v);
    }

    /**
     * An aligned table; when there are more than {@code maxRows} rows, the first and last halves with a
     * {@code …} row between them and a note of the rows left out.
     */
    public static String text(Table t, int maxRows) {
        int n = t.rowCount();
        int cols = t.columnCount();
        List<Integer> rows = new ArrayList<>();
        boolean elided = n > maxRows;
        int head = elided ? maxRows / 2 : n;
        for (int i = 0; i < head; i++) {
            rows.add(i);
        }
        if (elided) {
            rows.add(-1);
            for (int i = n - (maxRows - head); i < n; i++) {
                rows.add(i);
            }
        }
        String[][] cells = new String[rows.size()][cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            width[c] = Math.max(t.schema().field(c).name().length(), t.schema().field(c).type().sqlName().length());
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) {
                cells[r][c] = rows.get(r) < 0 ? "…" : cell(t, rows.get(r), c);
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, width, '┌', '┬', '┐');
        rowText(sb, width, c -> t.schema().field(c).name(), c -> false);
        rowText(sb, width, c -> t.schema().field(c).type().sqlName().toLowerCase(java.util.Locale.ROOT), c -> false);
        line(sb, width, '├', '┼', '┤');
        for (String[] r : cells) {
            rowText(sb, width, c -> r[c], c -> isNumeric(t.schema().field(c).type()) && !r[c].equals("…"));
        }
        line(sb, width, '└', '┴', '┘');
        sb.append(n).append(n == 1 ? " row" : " rows");
        if (elided) {
            sb.append(" (").append(rows.size() - 1).append(" shown)");
        }
        sb.append('\n');
        return sb.toString();
    }

    private static boolean isNumeric(FloeType type) {
        return type.isNumeric();
    }

    private static void line(StringBuilder sb, int[] width, char left, char mid, char right) {
        sb.append(left);
        for (int c = 0; c < width.length; c++) {
            sb.append("─".repeat(width[c] + 2)).append(c == width.length - 1 ? right : mid);
        }
        sb.append('\n');
    }

    private static void rowText(StringBuilder sb, int[] width, java.util.function.IntFunction<String> text,
            java.util.function.IntPredicate rightAlign) {
        sb.append('│');
        for (int c = 0; c < width.length; c++) {
            String s = text.apply(c);
            String pad = " ".repeat(width[c] - s.length());
            sb.append(' ').append(rightAlign.test(c) ? pad + s : s + pad).append(" │");
        }
        sb.append('\n');
    }

    /** Writes the table as CSV with a header line. */
    public static void csv(Table t, Appendable out) {
        try {
            for (int c = 0; c < t.columnCount(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                out.append(csvField(t.schema().field(c).name(), true));
            }
            out.append('\n');
            for (int r = 0; r < t.rowCount(); r++) {
                for (int c = 0; c < t.columnCount(); c++) {
                    if (c > 0) {
                        out.append(',');
                    }
                    Object v = t.get(r, c);
                    FloeType type = t.schema().field(c).type();
                    if (v != null) {
                        out.append(csvField(Values.format(type, v), type == FloeType.STRING));
                    }
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a field when it must be: it is empty text, or holds a comma, quote, CR or LF. */
    static String csvField(String s, boolean text) {
        boolean quote = (text && s.isEmpty()) || s.indexOf(',') >= 0 || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
