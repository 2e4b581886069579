package dev.floe.io.csv;

import dev.floe.io.CsvOptions;

/**
 * The bytes that structure a CSV file, as the scanner and {@link RecordStarts} see them. {@code escape ==
 * quote} means a quote inside a quoted field is doubled; {@code comment == 0} means no comments.
 */
public record Dialect(byte delimiter, byte quote, byte escape, byte comment, boolean header, int skip,
        int maxLineSize) {

    public static Dialect of(CsvOptions options) {
        return new Dialect((byte) options.delimiter(), (byte) options.quote(), (byte) options.escape(),
                (byte) options.comment(), options.header(), options.skip(), options.maxLineSize());
    }

    /** The plain dialect: comma, double quote, doubling, header, no comments. */
    public static Dialect csv(char delimiter, char quote, boolean header) {
        return new Dialect((byte) delimiter, (byte) quote, (byte) quote, (byte) 0, header, 0,
                CsvOptions.DEFAULT_MAX_LINE_SIZE);
    }

    public boolean doubling() {
        return escape == quote;
    }

    public Dialect withHeader(boolean header) {
        return new Dialect(delimiter, quote, escape, comment, header, skip, maxLineSize);
    }
}
