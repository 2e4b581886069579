package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

/**
 * How to write CSV. The defaults are RFC 4180 with a header and LF line ends, in the text forms of the CLI's
 * {@code --format csv}: NULL is an empty field, the empty string is {@code ""}, a field holding the
 * delimiter, the quote, CR or LF is quoted with quotes doubled.
 *
 * @param header     write a header line with the column names
 * @param delimiter  a single ASCII byte between fields
 * @param quote      a single ASCII byte around fields that need quoting
 * @param nullString the text of NULL (default empty); a string value equal to it is quoted
 */
public record CsvWriteOptions(boolean header, char delimiter, char quote, String nullString) {
    public CsvWriteOptions {
        requireNonNull(nullString, "nullString is null");
        if (delimiter == 0 || delimiter > 127 || quote == 0 || quote > 127) {
            throw new IllegalArgumentException("delimiter and quote must be single ASCII characters, got U+"
                    + String.format("%04X", (int) delimiter) + " and U+" + String.format("%04X", (int) quote));
        }
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("delimiter '" + delimiter + "' and quote '" + quote
                    + "' must differ from each other and from line breaks");
        }
        if (nullString.indexOf(delimiter) >= 0 || nullString.indexOf(quote) >= 0 || nullString.indexOf('\n') >= 0
                || nullString.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("nullString '" + nullString
                    + "' must not contain the delimiter, the quote or a line break");
        }
    }

    public static CsvWriteOptions defaults() {
        return new CsvWriteOptions(true, ',', '"', "");
    }

    public CsvWriteOptions withHeader(boolean header) {
        return new CsvWriteOptions(header, delimiter, quote, nullString);
    }

    public CsvWriteOptions withDelimiter(char delimiter) {
        return new CsvWriteOptions(header, delimiter, quote, nullString);
    }

    public CsvWriteOptions withQuote(char quote) {
        return new CsvWriteOptions(header, delimiter, quote, nullString);
    }

    public CsvWriteOptions withNullString(String nullString) {
        return new CsvWriteOptions(header, delimiter, quote, nullString);
    }
}
