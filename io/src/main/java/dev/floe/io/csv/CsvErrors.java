package dev.floe.io.csv;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvFormatException;
import dev.floe.io.Reject;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link CsvFormatException}s and {@link Reject}s of one scanner: cold code, kept out of the hot
 * loop. Every message starts with {@code <file> line <n>}: the 1-based physical line where the record (or
 * the field) starts, counted only when an error happens ({@link LineCounter}, which remembers its last
 * answer so that many rejects in one split cost one pass).
 */
final class CsvErrors {
    private static final int MAX_TEXT = 120;
    private static final int MAX_RAW = 1024;

    private final String path;
    private final String[] names;
    private final boolean[] declared;
    private final LineCounter lines;
    /** The record at fault, set by the scanner just before it builds an error ({@link #record}). */
    private byte[] recordBuf;
    private int recordStart;
    private int recordLimit;
    private long recordOffset = -1;
    private Dialect dialect;

    CsvErrors(ByteSource source, String path, String[] names, boolean[] declared) {
        this.path = requireNonNull(path, "path is null");
        this.names = requireNonNull(names, "names is null");
        this.declared = declared;
        this.lines = new LineCounter(requireNonNull(source, "source is null"));
    }

    /**
     * The record the next error is about: it begins at {@code a[s]} (file offset {@code offset}) and the
     * buffer holds bytes up to {@code limit}. Every message then shows it ({@code ; record: ...}).
     */
    void record(byte[] a, int s, int limit, long offset, Dialect d) {
        this.recordBuf = a;
        this.recordStart = s;
        this.recordLimit = limit;
        this.recordOffset = offset;
        this.dialect = d;
    }

    /** {@code position}: the field's offset; {@code record}: its record's (which gives the line). */
    CsvFormatException badValue(int column, FloeType type, byte[] a, int s, int e, long position, long record) {
        String text = text(a, s, e, MAX_TEXT);
        String name = names[column];
        StringBuilder message = new StringBuilder(where(record)).append(", column '").append(name)
                .append("': cannot read '").append(text).append("' as ").append(type.sqlName())
                .append(recordPart()).append("; declare the column's type (types = {'").append(name)
                .append("': 'VARCHAR'}) or fix the file");
        inferredNote(column, type, message);
        return new CsvFormatException(path, lineOf(record), position, name, text, message.toString(), true);
    }

    /**
     * A value of a DECIMAL column that {@link DecimalParser} refused: not a number (then as {@link #badValue}),
     * or a number the type cannot hold without losing digits. The message says which digits do not fit and
     * names the type that would hold them: {@code cannot read '1.23456' as DECIMAL(18,4) without losing digits:
     * 5 digits after the point, DECIMAL(18,4) keeps 4; ...; declare DECIMAL(19,5) or DOUBLE in types =
     * {'price': 'DECIMAL(19,5)'} or fix the file}.
     */
    CsvFormatException badDecimal(int column, FloeType type, byte[] a, int s, int e, long position, long record) {
        BigDecimal value = ValueParsers.isDecimalLiteral(a, s, e) ? decimal(a, s, e) : null;
        if (value == null) {
            return badValue(column, type, a, s, e, position, record);
        }
        String text = text(a, s, e, MAX_TEXT);
        String name = names[column];
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int decimals = Math.max(0, stripped.scale());
        int integerDigits = Math.max(0, stripped.precision() - stripped.scale());
        int integerRoom = type.precision() - type.scale();
        List<String> why = new ArrayList<>(2);
        if (decimals > type.scale()) {
            why.add(digits(decimals) + " after the point, " + type.sqlName() + " keeps " + type.scale());
        }
        if (integerDigits > integerRoom) {
            why.add(digits(integerDigits) + " before the point, " + type.sqlName() + " holds " + integerRoom);
        }
        int scale = Math.max(type.scale(), decimals);
        // the type's integer digits and the value's scale; if that is over 38 digits (an inferred DECIMAL(38,s)),
        // the value's own integer digits
        int precision = Math.max(integerRoom, integerDigits) + scale;
        if (precision > FloeType.MAX_DECIMAL_PRECISION && integerDigits + scale <= FloeType.MAX_DECIMAL_PRECISION) {
            precision = FloeType.MAX_DECIMAL_PRECISION;
        }
        String fix = precision <= FloeType.MAX_DECIMAL_PRECISION
                ? "declare DECIMAL(" + precision + "," + scale + ") or DOUBLE in types = {'" + name + "': 'DECIMAL("
                        + precision + "," + scale + ")'}"
                : "declare VARCHAR or DOUBLE in types = {'" + name + "': 'VARCHAR'} (a DECIMAL holds at most "
                        + FloeType.MAX_DECIMAL_PRECISION + " digits)";
        StringBuilder message = new StringBuilder(where(record)).append(", column '").append(name)
                .append("': cannot read '").append(text).append("' as ").append(type.sqlName())
                .append(" without losing digits: ").append(String.join(" and ", why)).append(recordPart())
                .append("; ").append(fix).append(" or fix the file");
        inferredNote(column, type, message);
        return new CsvFormatException(path, lineOf(record), position, name, text, message.toString(), true);
    }

    private static String digits(int n) {
        return n + (n == 1 ? " digit" : " digits");
    }

    /** The text as a BigDecimal (cold: only for messages), or null past what BigDecimal reads. */
    private static BigDecimal decimal(byte[] a, int s, int e) {
        try {
            return new BigDecimal(new String(a, s, e - s, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException | ArithmeticException x) {
            return null;
        }
    }

    /** For a type that was inferred, not declared: that the sample missed the value, and how not to miss it. */
    private void inferredNote(int column, FloeType type, StringBuilder message) {
        if (declared != null && !declared[column]) {
            message.append(" (").append(type.sqlName())
                    .append(" was inferred from a sample of every file, which did not include this value;"
                            + " sample_size = -1 reads every row to infer)");
        }
    }

    CsvFormatException invalidUtf8(int column, byte[] a, int s, int e, long offset, long record) {
        String text = text(a, s, e, MAX_TEXT);
        String message = where(record) + ", column '" + names[column] + "': invalid UTF-8 at byte offset " + offset
                + " in '" + text + "'" + recordPart() + "; set encoding (e.g. encoding = 'latin-1') if the file is not UTF-8, or"
                + " replace_invalid_utf8 = true to read such bytes as U+FFFD";
        return new CsvFormatException(path, lineOf(record), offset, names[column], text, message, true);
    }

    CsvFormatException fieldCount(int found, boolean more, byte[] a, int recordStart, int limit, long position) {
        String line = lineText(a, recordStart, limit, MAX_RAW);
        String message = where(position) + ": expected " + names.length + " fields ("
                + String.join(", ", names) + ") but found " + (more ? "more than " + names.length : found)
                + recordPart(line) + "; fix the file (every row needs one field per header column"
                + (more ? "" : ", or null_padding = true reads missing fields as NULL") + ")";
        String column = more ? null : names[found];
        return new CsvFormatException(path, lineOf(position), position, column, line, message, true);
    }

    CsvFormatException unterminatedQuote(int column, char quote, byte[] a, int s, int limit, long position) {
        String text = lineText(a, s, limit, MAX_TEXT);
        String message = where(position) + ", column '" + names[column] + "': the quoted field " + quote + text
                .substring(Math.min(1, text.length())) + " is never closed: no closing " + quote
                + " before the end of the file" + recordPart() + "; fix the file (double a quote inside a quoted field: " + quote + quote + ")";
        return new CsvFormatException(path, lineOf(position), position, names[column], text, message, false);
    }

    CsvFormatException afterQuote(int column, char quote, byte[] a, int s, int limit, long position, long record) {
        String text = lineText(a, s, limit, MAX_TEXT);
        String message = where(record) + ", column '" + names[column] + "': unexpected text after the closing "
                + quote + " of a quoted field: '" + text + "'" + recordPart() + "; fix the file (a quote inside a quoted field is written "
                + quote + quote + ")";
        return new CsvFormatException(path, lineOf(record), position, names[column], text, message, false);
    }

    CsvFormatException quoteInField(int column, char quote, byte[] a, int s, int at, int limit, long position,
            long record) {
        String name = names[Math.min(column, names.length - 1)];
        String text = lineText(a, s, limit, MAX_TEXT);
        String message = where(record) + ", column '" + name + "': a " + quote + " inside an unquoted field at byte offset "
                + position + ": '" + text + "'" + recordPart() + "; fix the file (quote the whole field and double the quote: "
                + quote + "5'11" + quote + quote + quote + "), or set quote to a character the file does not use";
        return new CsvFormatException(path, lineOf(record), position, name, text, message, false);
    }

    /**
     * The record {@code a[s, e)} (which begins at file offset {@code position}) is longer than the limit.
     * If a quote opened in it is still open, the message says where: the usual cause is a stray quote.
     */
    CsvFormatException lineTooLong(byte[] a, int s, int e, long position, int limit, Dialect dialect) {
        int open = openQuote(a, s, e, dialect);
        int column = 0;
        for (int i = s; i < (open >= 0 ? open : s); i++) {
            if (a[i] == dialect.delimiter()) {
                column++;
            }
        }
        StringBuilder message = new StringBuilder(where(position)).append(": a record longer than max_line_size = ")
                .append(limit).append(" bytes");
        String name = null;
        long at = position;
        if (open >= 0) {
            at = position + (open - s);
            name = column < names.length ? names[column] : null;
            message.append("; the quote that opened at line ").append(lineOf(at)).append(" (byte offset ").append(at)
                    .append(name != null ? ", column '" + name + "'" : "").append(") is never closed: ")
                    .append((char) dialect.quote()).append(text(a, open + 1, Math.min(e, open + 41), 40))
                    .append("...").append(recordPart()).append("; fix the quoting, or set quote to another character");
        } else {
            message.append(recordPart()).append("; raise max_line_size if the record is really this long, or check the delimiter");
        }
        return new CsvFormatException(path, lineOf(position), at, name, text(a, s, Math.min(e, s + MAX_RAW), MAX_RAW),
                message.toString(), false);
    }

    Reject reject(CsvFormatException e, byte[] a, int s, int end, long position) {
        int stop = end;
        while (stop > s && (a[stop - 1] == '\n' || a[stop - 1] == '\r')) {
            stop--;
        }
        return new Reject(path, e.line() > 0 ? e.line() : lineOf(position), position, e.column(),
                text(a, s, stop, MAX_RAW), e.getMessage());
    }

    /** The index of a quote opened in {@code a[s, e)} and not closed by {@code e}, or -1. */
    private static int openQuote(byte[] a, int s, int e, Dialect d) {
        boolean inside = false;
        boolean fieldStart = true;
        int opened = -1;
        for (int i = s; i < e; i++) {
            byte x = a[i];
            if (inside) {
                if (!d.doubling() && x == d.escape()) {
                    i++;
                } else if (x == d.quote()) {
                    if (d.doubling() && i + 1 < e && a[i + 1] == d.quote()) {
                        i++;
                    } else {
                        inside = false;
                    }
                }
            } else if (x == d.quote() && fieldStart) {
                inside = true;
                opened = i;
            } else {
                fieldStart = x == d.delimiter() || x == '\n' || x == '\r';
                continue;
            }
            fieldStart = false;
        }
        return inside ? opened : -1;
    }

    private String where(long position) {
        long line = lineOf(position);
        String byteAt = String.format(Locale.ROOT, "%,d", position);
        return Storage.displayName(path) + (line > 0 ? " line " + line + " (byte " + byteAt + ")" : " byte " + byteAt);
    }

    /** {@code "; record: <the raw record>"}, or {@code ": '<fallback>'"} when no record was given. */
    private String recordPart(String fallback) {
        String raw = rawRecord();
        return raw != null ? "; record: " + raw : ": '" + fallback + "'";
    }

    private String recordPart() {
        String raw = rawRecord();
        return raw != null ? "; record: " + raw : "";
    }

    /**
     * The record set by {@link #record}: from its start to the line break that ends it (outside quotes), or
     * the end of the buffer, at most {@value #MAX_RAW} bytes ("..." if cut); line breaks inside quoted
     * fields are shown as {@code \n} and {@code \r} so that the message stays on one line.
     */
    private String rawRecord() {
        if (recordBuf == null || dialect == null || recordStart < 0 || recordStart >= recordLimit) {
            return null;
        }
        byte[] a = recordBuf;
        int s = recordStart;
        int stop = Math.min(recordLimit, a.length);
        boolean inside = false;
        boolean fieldStart = true;
        int e = s;
        for (; e < stop && e - s < MAX_RAW; e++) {
            byte x = a[e];
            if (inside) {
                if (!dialect.doubling() && x == dialect.escape()) {
                    e++;
                } else if (x == dialect.quote()) {
                    inside = false; // a doubled quote closes and reopens: the same for finding the end
                }
            } else if (x == '\n' || x == '\r') {
                break;
            } else if (x == dialect.quote() && fieldStart) {
                inside = true; // only a quote that begins a field opens one (as the scanner reads it)
            } else {
                fieldStart = x == dialect.delimiter();
            }
        }
        e = Math.min(e, stop);
        String text = text(a, s, e, MAX_RAW).replace("\r", "\\r").replace("\n", "\\n");
        return e - s >= MAX_RAW && e < stop && !text.endsWith("...") ? text + "..." : text;
    }

    private long lineOf(long position) {
        try {
            return lines.lineAt(position);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String text(byte[] a, int s, int e, int max) {
        String text = new String(a, s, Math.min(e - s, max), StandardCharsets.UTF_8);
        return e - s > max ? text + "..." : text;
    }

    /** The text from {@code s} to the end of its line (or of the buffer), shortened. */
    private static String lineText(byte[] a, int s, int limit, int max) {
        int e = s;
        while (e < limit && a[e] != '\n' && a[e] != '\r' && e - s <= max) {
            e++;
        }
        return text(a, s, e, max);
    }
}
