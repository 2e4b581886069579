package dev.floe.io;

/**
 * A problem finding or reading input: a glob that matches nothing, a missing file, files whose headers
 * disagree, an I/O error (wrapped once, as the cause). Bad values inside a file are
 * {@link CsvFormatException}s instead.
 */
public class FloeIOException extends RuntimeException {
    public FloeIOException(String message) {
        super(message);
    }

    public FloeIOException(String message, Throwable cause) {
        super(message, cause);
    }
}
