package dev.floe.cli;

import dev.floe.dataframe.Table;
import dev.floe.dataframe.TableFormatter;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Values;
import dev.floe.sql.SqlResult;
import java.util.Locale;

/**
 * Renders statement results in the four output formats.
 *
 * <pre>
 *  table     the aligned table with column types (long results shortened, a note of the rows left out),
 *            then a footer: rows, elapsed time, rows the reader rejected; messages ("Created view v") too
 *  csv       RFC 4180 with a header line
 *  json      as duckdb -json: one array of objects, one object per line; numbers and booleans bare,
 *            NULL as null, other values (and NaN, Infinity) as strings
 *  markdown  a GitHub table (numbers right-aligned), NULL as NULL, '|' escaped
 * </pre>
 *
 * Only the table format prints messages and footers, so the others can be piped into programs.
 */
final class ResultPrinter {
    static final int MAX_ROWS = 40;

    private ResultPrinter() {
    }

    static String render(SqlResult result, String format, boolean timing) {
        if (result instanceof SqlResult.Text text) {
            return text.text().endsWith("\n") ? text.text() : text.text() + "\n";
        }
        if (result instanceof SqlResult.Message m) {
            if (!format.equals("table")) {
                return "";
            }
            return m.text() + (timing ? String.format(Locale.ROOT, " (%s)", seconds(m.elapsedNanos())) : "") + "\n";
        }
        Table t = ((SqlResult.Rows) result).table();
        StringBuilder sb = new StringBuilder();
        switch (format) {
            case "csv":
                TableFormatter.csv(t, sb);
                break;
            case "json":
                json(t, sb);
                break;
            case "markdown":
                markdown(t, sb);
                break;
            default:
                table(t, result.elapsedNanos(), sb);
                break;
        }
        return sb.toString();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    /** TableFormatter's table, its last line (the row count) replaced by the footer. */
    static void table(Table t, long elapsedNanos, StringBuilder sb) {
        String text = TableFormatter.text(t, MAX_ROWS);
        int last = text.lastIndexOf('\n', text.length() - 2);
        sb.append(text, 0, last + 1);
        int n = t.rowCount();
        sb.append(String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "row" : "rows"));
        if (n > MAX_ROWS) {
            sb.append(String.format(Locale.ROOT, " (%,d shown, %,d left out)", MAX_ROWS, n - MAX_ROWS));
        }
        sb.append(" in ").append(seconds(elapsedNanos));
        long rejected = t.metrics().rowsRejected();
        if (rejected > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d %s rejected by the reader", rejected,
                    rejected == 1 ? "row" : "rows"));
            sb.append(t.metrics().rejects().isEmpty() ? " (store_rejects = true keeps them)"
                    : " (SELECT * FROM reject_errors)");
        }
        long replaced = t.metrics().utf8Replacements();
        if (replaced > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d invalid UTF-8 %s replaced", replaced,
                    replaced == 1 ? "sequence" : "sequences"));
        }
        sb.append('\n');
    }

    static void json(Table t, StringBuilder sb) {
        sb.append('[');
        for (int r = 0; r < t.rowCount(); r++) {
            if (r > 0) {
                sb.append(",\n");
            }
            sb.append('{');
            for (int c = 0; c < t.columnCount(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                jsonString(t.schema().field(c).name(), sb);
                sb.append(':');
                Object v = t.get(r, c);
                FloeType type = t.schema().field(c).type();
                if (v == null) {
                    sb.append("null");
                } else if (type == FloeType.BOOLEAN || type == FloeType.INT64 || type.isDecimal()
                        || (type == FloeType.FLOAT64 && Double.isFinite((Double) v))) {
                    sb.append(Values.format(type, v));
                } else {
                    jsonString(Values.format(type, v), sb);
                }
            }
            sb.append('}');
        }
        sb.append("]\n");
    }

    static void jsonString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    static void markdown(Table t, StringBuilder sb) {
        int cols = t.columnCount();
        sb.append('|');
        for (int c = 0; c < cols; c++) {
            sb.append(' ').append(markdownCell(t.schema().field(c).name())).append(" |");
        }
        sb.append("\n|");
        for (int c = 0; c < cols; c++) {
            sb.append(t.schema().field(c).type().isNumeric() ? "---:|" : "---|");
        }
        sb.append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append('|');
            for (int c = 0; c < cols; c++) {
                Object v = t.get(r, c);
                String text = v == null ? "NULL" : Values.format(t.schema().field(c).type(), v);
                sb.append(' ').append(markdownCell(text)).append(" |");
            }
            sb.append('\n');
        }
    }

    private static String markdownCell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
