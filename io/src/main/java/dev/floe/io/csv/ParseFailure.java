package dev.floe.io.csv;

/**
 * Thrown by {@link ValueParsers} when a slice is not a value of the requested type. A preallocated,
 * stackless singleton: the hot path pays nothing for it, and the scanner turns it into a
 * {@link dev.floe.io.CsvFormatException} with the file, line and column.
 */
final class ParseFailure extends RuntimeException {
    static final ParseFailure INSTANCE = new ParseFailure();

    private ParseFailure() {
        super("not a value of the requested type", null, false, false);
    }
}
