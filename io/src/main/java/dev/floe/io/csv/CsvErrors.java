package dev.floe.io.csv;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvFormatException;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@link CsvFormatException}s of one scanner: cold code, kept out of the hot loop. Every
 * message starts with {@code <file> line <n>} (the line is counted from the file's start only now).
 */
final class CsvErrors {
    private static final int MAX_TEXT = 120;

    private final ByteSource source;
    private final String path;
    private final String[] names;
    private final boolean[] declared;

    CsvErrors(ByteSource source, String path, String[] names, boolean[] declared) {
        this.source = requireNonNull(source, "source is null");
        this.path = requireNonNull(path, "path is null");
        this.names = requireNonNull(names, "names is null");
        this.declared = declared;
    }

    CsvFormatException badValue(int column, FloeType type, byte[] a, int s, int e, long position) {
        String text = text(a, s, e);
        String name = names[column];
        StringBuilder message = new StringBuilder(where(position)).append(", column '").append(name)
                .append("': cannot read '").append(text).append("' as ").append(type.sqlName())
                .append("; declare the column's type (types = {'").append(name)
                .append("': 'VARCHAR'}) or fix the file");
        if (declared != null && !declared[column]) {
            message.append(" (").append(type.sqlName())
                    .append(" was inferred from a sample of every file, which did not include this value)");
        }
        return new CsvFormatException(path, lineOf(position), name, text, message.toString());
    }

    CsvFormatException fieldCount(int found, boolean more, byte[] a, int recordStart, int limit, long position) {
        String line = lineText(a, recordStart, limit);
        String message = where(position) + ": expected " + names.length + " fields ("
                + String.join(", ", names) + ") but found " + (more ? "more than " + names.length : found)
                + ": '" + line + "'; fix the file (every row needs one field per header column)";
        String column = more ? null : names[found];
        return new CsvFormatException(path, lineOf(position), column, line, message);
    }

    CsvFormatException unterminatedQuote(int column, char quote, byte[] a, int s, int limit, long position) {
        String text = lineText(a, s, limit);
        String message = where(position) + ", column '" + names[column] + "': the quoted field " + quote + text
                .substring(Math.min(1, text.length())) + " is never closed: no closing " + quote
                + " before the end of the file; fix the file (double a quote inside a quoted field: " + quote + quote + ")";
        return new CsvFormatException(path, lineOf(position), names[column], text, message);
    }

    CsvFormatException afterQuote(int column, char quote, byte[] a, int s, int limit, long position) {
        String text = lineText(a, s, limit);
        String message = where(position) + ", column '" + names[column] + "': unexpected text after the closing "
                + quote + " of a quoted field: '" + text + "'; fix the file (a quote inside a quoted field is written "
                + quote + quote + ")";
        return new CsvFormatException(path, lineOf(position), names[column], text, message);
    }

    private String where(long position) {
        long line = lineOf(position);
        return Storage.displayName(path) + (line > 0 ? " line " + line : " byte " + position);
    }

    private long lineOf(long position) {
        try {
            return LineCounter.lineAt(source, position);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String text(byte[] a, int s, int e) {
        String text = new String(a, s, Math.min(e - s, MAX_TEXT), StandardCharsets.UTF_8);
        return e - s > MAX_TEXT ? text + "..." : text;
    }

    /** The text from {@code s} to the end of its line (or of the buffer), shortened. */
    private static String lineText(byte[] a, int s, int limit) {
        int e = s;
        while (e < limit && a[e] != '\n' && e - s <= MAX_TEXT) {
            e++;
        }
        if (e > s && a[e - 1] == '\r') {
            e--;
        }
        return text(a, s, e);
    }
}
