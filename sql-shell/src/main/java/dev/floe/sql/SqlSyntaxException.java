package dev.floe.sql;

import dev.floe.expressions.PlanException;

/**
 * A statement that does not parse, or that names something the SQL front end does not know (a function,
 * a {@code read_csv} option). The message points at the place:
 *
 * <pre>
 * line 1, column 28: expected an expression after 'WHERE', found end of input
 * SELECT * FROM 'x.csv' WHERE
 *                            ^
 * </pre>
 *
 * {@link #line()} and {@link #column()} are 1-based; {@link #detail()} is the first line without the position.
 * It is a {@link PlanException}, the family of the user's mistakes, so a caller can report every query
 * error the same way.
 */
public class SqlSyntaxException extends PlanException {
    private static final long serialVersionUID = 1L;

    private final String detail;
    private final int offset;
    private final int line;
    private final int column;

    /** An error at character {@code offset} of {@code sql} ({@code sql.length()} for the end of the text). */
    public SqlSyntaxException(String sql, int offset, String detail) {
        this(sql, offset, detail, lineOf(sql, offset), columnOf(sql, offset));
    }

    private SqlSyntaxException(String sql, int offset, String detail, int line, int column) {
        super("line " + line + ", column " + column + ": " + detail + "\n" + pointer(sql, offset));
        this.detail = detail;
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** What went wrong, without the position and the pointer. */
    public String detail() {
        return detail;
    }

    /** 0-based character offset into the statement. */
    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    static int lineOf(String sql, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    static int columnOf(String sql, int offset) {
        return offset - lineStart(sql, offset) + 1;
    }

    private static int lineStart(String sql, int offset) {
        int i = Math.min(offset, sql.length());
        while (i > 0 && sql.charAt(i - 1) != '\n' && sql.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** The line holding {@code offset} and, under it, a caret at the offset (tabs copied so it lines up). */
    private static String pointer(String sql, int offset) {
        int start = lineStart(sql, offset);
        int end = start;
        while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
            end++;
        }
        StringBuilder sb = new StringBuilder(sql.substring(start, end)).append('\n');
        for (int i = start; i < offset; i++) {
            sb.append(sql.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sb.append('^').toString();
    }
}
