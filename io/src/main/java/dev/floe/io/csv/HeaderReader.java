package dev.floe.io.csv;

import dev.floe.io.FloeIOException;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first record of a file (its header, or its first row) as strings, following quotes: the record
 * at the file's data start ({@link CsvScanner#dataStart}), exactly the one the scanner skips as the header.
 */
public final class HeaderReader {
    private static final int FIRST_READ = 64 << 10;

    private HeaderReader() {
    }

    /** The plain dialect's first record (comma-like, doubled quotes, no skipped lines). */
    public static List<String> firstRecord(ByteSource source, long fileLength, char delimiter, char quote)
            throws IOException {
        return firstRecord(source, fileLength, Dialect.csv(delimiter, quote, true));
    }

    /** The fields of the first record; an empty list for an empty file. */
    public static List<String> firstRecord(ByteSource source, long fileLength, Dialect dialect) throws IOException {
        long start = CsvScanner.dataStart(source, fileLength, dialect);
        long available = fileLength - start;
        int size = (int) Math.min(available, FIRST_READ);
        while (true) {
            byte[] b = new byte[size];
            int n = Math.max(0, source.read(start, b, 0, size));
            boolean wholeFile = n >= available || n < size;
            List<String> fields = parse(b, n, wholeFile, dialect, source.path());
            if (fields != null) {
                return fields;
            }
            if (size >= dialect.maxLineSize()) {
                throw new FloeIOException("the first record of " + Storage.displayName(source.path())
                        + " (at byte " + start + ") is longer than max_line_size = " + dialect.maxLineSize()
                        + " bytes; is the quote character right?");
            }
            size = (int) Math.min(available, Math.min((long) size * 4, dialect.maxLineSize() + 1L));
        }
    }

    /** The first record of {@code b[0, n)}, or null if it may continue past {@code n}. */
    static List<String> parse(byte[] b, int n, boolean wholeFile, Dialect dialect, String path) {
        byte d = dialect.delimiter();
        byte q = dialect.quote();
        byte esc = dialect.escape();
        List<String> fields = new ArrayList<>();
        if (n == 0) {
            return fields;
        }
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            field.reset();
            if (i < n && b[i] == q) {
                i++;
                while (true) {
                    if (i >= n) {
                        if (wholeFile) {
                            throw new FloeIOException("the first line of " + Storage.displayName(path)
                                    + " has a quoted field that is never closed");
                        }
                        return null;
                    }
                    if (b[i] == esc && esc != q) {
                        if (i + 1 >= n) {
                            return wholeFile ? fields : null;
                        }
                        field.write(b[i + 1]);
                        i += 2;
                        continue;
                    }
                    if (b[i] == q) {
                        if (i + 1 >= n && !wholeFile) {
                            return null;
                        }
                        if (esc == q && i + 1 < n && b[i + 1] == q) {
                            field.write(q);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.write(b[i++]);
                }
            } else {
                while (i < n && b[i] != d && b[i] != '\n' && b[i] != '\r') {
                    field.write(b[i++]);
                }
            }
            if (i >= n && !wholeFile) {
                return null;
            }
            fields.add(field.toString(StandardCharsets.UTF_8));
            if (i >= n || b[i] == '\n' || b[i] == '\r') {
                return fields;
            }
            i++;
        }
    }
}
