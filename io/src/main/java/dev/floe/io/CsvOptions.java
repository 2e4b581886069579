package dev.floe.io;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read CSV files. Immutable and {@link Serializable}; every {@code withX} returns a copy.
 *
 * <ul>
 *   <li>{@code header}: the first line of every file names the columns (default true). Without a header
 *       the columns are named {@code column0, column1, ...}.</li>
 *   <li>{@code delimiter}, {@code quote}: single ASCII bytes (default {@code ','} and {@code '"'}).
 *       A quoted field may contain delimiters, line breaks and doubled quotes ({@code ""}).</li>
 *   <li>{@code timestampColumns}: columns read as TIMESTAMP ({@code YYYY-MM-DD[ T]HH:MM:SS[.ffffff]}
 *       or {@code YYYY-MM-DD}), like pandas' {@code parse_dates}.</li>
 *   <li>{@code types}: declared column types; they always win over inference.</li>
 *   <li>{@code blockSize}: files larger than this are read as several byte-range splits (default 64 MiB).</li>
 *   <li>{@code batchRows}: rows per Arrow batch (default 65536).</li>
 * </ul>
 */
public record CsvOptions(
        boolean header,
        char delimiter,
        char quote,
        List<String> timestampColumns,
        Map<String, FloeType> types,
        long blockSize,
        int batchRows) implements Serializable {

    public static final long DEFAULT_BLOCK_SIZE = 64L << 20;
    public static final int DEFAULT_BATCH_ROWS = 65536;

    public CsvOptions {
        requireNonNull(timestampColumns, "timestampColumns is null");
        requireNonNull(types, "types is null");
        checkAscii("delimiter", delimiter);
        checkAscii("quote", quote);
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("delimiter " + printable(delimiter) + " and quote "
                    + printable(quote) + " must differ from each other and from line breaks");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1 byte, got " + blockSize);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
        }
        timestampColumns = List.copyOf(timestampColumns);
        Map<String, FloeType> copy = new LinkedHashMap<>();
        types.forEach((name, type) -> copy.put(requireNonNull(name, "column name is null"),
                requireNonNull(type, "type of column '" + name + "' is null")));
        types = Collections.unmodifiableMap(copy);
    }

    public static CsvOptions defaults() {
        return new CsvOptions(true, ',', '"', List.of(), Map.of(), DEFAULT_BLOCK_SIZE, DEFAULT_BATCH_ROWS);
    }

    /** The defaults, reading the named columns as TIMESTAMP (pandas' {@code parse_dates}). */
    public static CsvOptions parseDates(String... timestampColumns) {
        return defaults().withTimestampColumns(timestampColumns);
    }

    public CsvOptions withHeader(boolean header) {
        return new CsvOptions(header, delimiter, quote, timestampColumns, types, blockSize, batchRows);
    }

    public CsvOptions withDelimiter(char delimiter) {
        return new CsvOptions(header, delimiter, quote, timestampColumns, types, blockSize, batchRows);
    }

    public CsvOptions withQuote(char quote) {
        return new CsvOptions(header, delimiter, quote, timestampColumns, types, blockSize, batchRows);
    }

    public CsvOptions withTimestampColumns(String... timestampColumns) {
        return new CsvOptions(header, delimiter, quote, List.of(timestampColumns), types, blockSize, batchRows);
    }

    public CsvOptions withTypes(Map<String, FloeType> types) {
        return new CsvOptions(header, delimiter, quote, timestampColumns, types, blockSize, batchRows);
    }

    public CsvOptions withBlockSize(long blockSize) {
        return new CsvOptions(header, delimiter, quote, timestampColumns, types, blockSize, batchRows);
    }

    public CsvOptions withBatchRows(int batchRows) {
        return new CsvOptions(header, delimiter, quote, timestampColumns, types, blockSize, batchRows);
    }

    /** The type the user declared for {@code column} (types, then timestampColumns), or null. */
    public FloeType declaredType(String column) {
        FloeType type = types.get(column);
        if (type == null && timestampColumns.contains(column)) {
            type = FloeType.TIMESTAMP;
        }
        return type;
    }

    private static void checkAscii(String what, char c) {
        if (c == 0 || c > 127) {
            throw new IllegalArgumentException(what + " must be a single ASCII character, got " + printable(c));
        }
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
