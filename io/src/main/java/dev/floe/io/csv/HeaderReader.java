package dev.floe.io.csv;

import dev.floe.io.FloeIOException;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the first record of a file (its header, or its first row) as strings, following quotes. */
public final class HeaderReader {
    private static final int FIRST_READ = 64 << 10;
    private static final int MAX_HEADER = 64 << 20;

    private HeaderReader() {
    }

    /** The fields of the first line; an empty list for an empty file. */
    public static List<String> firstRecord(ByteSource source, long fileLength, char delimiter, char quote)
            throws IOException {
        int size = (int) Math.min(fileLength, FIRST_READ);
        while (true) {
            byte[] b = new byte[size];
            int n = source.read(0, b, 0, size);
            boolean wholeFile = n >= fileLength || n < size;
            List<String> fields = parse(b, n, wholeFile, (byte) delimiter, (byte) quote, source.path());
            if (fields != null) {
                return fields;
            }
            if (size >= MAX_HEADER) {
                throw new FloeIOException("the first line of " + Storage.displayName(source.path())
                        + " is longer than " + MAX_HEADER + " bytes; is the quote character right?");
            }
            size = (int) Math.min(fileLength, (long) size * 4);
        }
    }

    /** The first record of {@code b[0, n)}, or null if it may continue past {@code n}. */
    static List<String> parse(byte[] b, int n, boolean wholeFile, byte d, byte q, String path) {
        List<String> fields = new ArrayList<>();
        if (n == 0) {
            return fields;
        }
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int i = n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
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
                    if (b[i] == q) {
                        if (i + 1 >= n && !wholeFile) {
                            return null;
                        }
                        if (i + 1 < n && b[i + 1] == q) {
                            field.write(q);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.write(b[i++]);
                }
                if (i < n && b[i] == '\r') {
                    i++;
                }
            } else {
                while (i < n && b[i] != d && b[i] != '\n') {
                    field.write(b[i++]);
                }
            }
            if (i >= n && !wholeFile) {
                return null;
            }
            String text = field.toString(StandardCharsets.UTF_8);
            if (i >= n || b[i] == '\n') {
                fields.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                return fields;
            }
            fields.add(text);
            i++;
        }
    }
}
