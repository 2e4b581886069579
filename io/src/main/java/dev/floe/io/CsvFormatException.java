package dev.floe.io;

/**
 * Bad data in a CSV file: a value that does not parse as its column's type, a row with the wrong number
 * of fields, an unterminated quote. Names the file, the 1-based physical line and the byte offset where the
 * record starts, the column, the text found and the raw record (cut at about 1 KB), and says what the user
 * can do, e.g. {@code part-00003.csv line 17 (byte 4,211), column 'value': cannot read 'abc' as DOUBLE;
 * record: 17,abc; declare the column's type (types = {'value': 'VARCHAR'}) or fix the file}.
 */
public class CsvFormatException extends RuntimeException {
    private final String file;
    private final long line;
    private final String column;
    private final String text;
    private final long byteOffset;
    private final boolean recoverable;

    /**
     * @param file   the file's path (the split's URI string)
     * @param line   1-based physical line number in the file
     * @param column the column's name, or null when the problem is not one column's
     * @param text   the offending text (possibly truncated), or null
     */
    public CsvFormatException(String file, long line, String column, String text, String message) {
        this(file, line, -1, column, text, message, false);
    }

    /**
     * @param byteOffset  where the record (or the field) begins in the file, or -1
     * @param recoverable true if only this row is bad (a value, a field count), so that
     *                    {@code ignoreErrors} may skip it; false for errors after which record boundaries
     *                    cannot be trusted (an unclosed quote, a record over the line size limit)
     */
    public CsvFormatException(String file, long line, long byteOffset, String column, String text, String message,
            boolean recoverable) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.text = text;
        this.byteOffset = byteOffset;
        this.recoverable = recoverable;
    }

    /** The byte offset of the record or field at fault, or -1 if unknown. */
    public long byteOffset() {
        return byteOffset;
    }

    /** Whether {@code ignoreErrors} may skip the row (see the constructor). */
    public boolean recoverable() {
        return recoverable;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String text() {
        return text;
    }
}
