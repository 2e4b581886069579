package dev.floe.io;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.io.csv.Compression;
import dev.floe.io.csv.Encodings;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to read CSV files. Immutable and {@link Serializable}; every {@code withX} returns a copy, and
 * {@link #fromMap} builds one from SQL {@code read_csv(...)} options spelled as DuckDB spells them.
 *
 * <h2>Dialect</h2>
 * <ul>
 *   <li>{@code header} (true/false/auto; default true): the first record of every file names the columns.
 *       {@code auto}: it does if every field is non-numeric text and some later sampled row is not.
 *       Without a header the columns are named {@code column0, column1, ...}.</li>
 *   <li>{@code delimiter}, {@code quote}, {@code escape}: single ASCII bytes (default {@code ','},
 *       {@code '"'}, and escape = quote, meaning a quote inside a quoted field is doubled {@code ""}).
 *       A distinct escape (e.g. {@code '\\'}) escapes the next byte inside a quoted field.</li>
 *   <li>{@code comment} (default none): a line starting with this character is skipped.</li>
 *   <li>{@code skip}: physical lines skipped at the start of every file, before the header.</li>
 *   <li>{@code nullStrings}: unquoted field texts read as NULL besides the empty field. An unquoted empty
 *       field is always NULL; a quoted empty field {@code ""} is the empty string (NULL for non-text types).</li>
 *   <li>Line ends LF, CRLF and CR may be mixed freely; a UTF-8 byte order mark is stripped.</li>
 *   <li>{@code encoding}: UTF-8 (default; read in place, in parallel splits), or LATIN-1, UTF-16LE,
 *       UTF-16BE, UTF-16 (transcoded to UTF-8 as the file is read; each such file is one split).</li>
 *   <li>{@code replaceInvalidUtf8}: invalid UTF-8 in text is an error naming its byte offset (default),
 *       or is replaced by U+FFFD and counted ({@link CsvBatchReader#replacements()}).</li>
 *   <li>{@code maxLineSize} (default 8 MiB): a record longer than this is an error naming where it (and
 *       an unclosed quote in it) began; it bounds memory and lets splits find record starts.</li>
 *   <li>{@code compression}: {@code auto} (from the extension: {@code .gz}, {@code .bz2}, {@code .zst}),
 *       {@code none}, {@code gzip}, {@code bz2}, {@code zstd}. A compressed file is one split.</li>
 * </ul>
 *
 * <h2>Schema</h2>
 * <ul>
 *   <li>{@code types}: declared column types; they always win. {@code timestampColumns}: pandas'
 *       {@code parse_dates}. {@code allVarchar}: every column is text exactly as in the file, unquoted.
 *       A column declared {@code DECIMAL(p,s)} ({@link FloeType#decimal}; SQL {@code types = {'price':
 *       'DECIMAL(18,4)'}}) is read from its text straight into the decimal's unscaled integer, never through
 *       a double: {@code 12.3} is {@code 12.3000}; a value with more than s digits after the point (other
 *       than trailing zeros) or more than p - s before it is a bad value (an error naming the type that
 *       would hold it, or a reject under {@code ignoreErrors}), never rounded. Exponents ({@code 1.5e3})
 *       are read exactly too.</li>
 *   <li>{@code sampleSize}: rows sampled per sample point for inference; -1 reads every row.</li>
 *   <li>{@code dateFormat}, {@code timestampFormat}: strftime patterns ({@link dev.floe.io.csv.StrftimeFormat}),
 *       tried before ISO 8601. ISO timestamps may use a space or {@code T}, fractions, and {@code Z} or an
 *       offset, which is converted to UTC.</li>
 *   <li>{@code decimals} ({@link DecimalMode}; SQL {@code decimal = 'double' | 'varchar' | 'decimal'}): what
 *       inference makes of numbers with a point. {@code DOUBLE} (the default): DOUBLE, as pandas and DuckDB
 *       do. {@code VARCHAR}: decimals with more than 15 significant digits (which a DOUBLE cannot hold
 *       exactly) keep the column VARCHAR. {@code DECIMAL}: a column of plain decimals ({@code -12.50},
 *       no exponent; integers may be among them) and integers beyond BIGINT is DECIMAL(38, s), s the
 *       largest number of digits after the point sampled; if that cannot hold them (s plus the most
 *       integer digits sampled exceeds 38), or a value is not plain ({@code 1e5}, {@code NaN}), the
 *       {@code VARCHAR} rule applies. Integer columns that fit BIGINT stay BIGINT in every mode.</li>
 *   <li>{@code unionByName}: files with different columns are read into the union of their columns
 *       (missing ones NULL); without it differing column sets are an error.</li>
 *   <li>{@code filename}: adds a {@code filename} column; {@code hivePartitioning}: adds the
 *       {@code key=value} directory parts of each path as columns.</li>
 * </ul>
 *
 * <h2>Bad rows</h2>
 * <ul>
 *   <li>{@code ignoreErrors}: rows that do not parse are skipped and counted
 *       ({@link CsvBatchReader#rowsRejected()}); with {@code rejects}, each is also kept as a
 *       {@link Reject} (a query keeps the first {@link RejectLog#DEFAULT_CAPACITY}; the count stays exact).
 *       Structural errors (an unclosed quote, text after a closing quote, a record over
 *       {@code maxLineSize}) stay fatal: after them no record boundary can be trusted.</li>
 *   <li>{@code maxRejects}/{@code maxRejectsFraction}: past this many (or this fraction of) rejected rows,
 *       reading fails. Both apply to the whole read (this dataset, every split of it, in one query): its
 *       readers count into one {@link RejectLog} ({@link CsvBatchReader#shareRejects}); the fraction is of
 *       all the read's records, checked as it runs only once an excess is certain, and on the final totals
 *       (see {@link RejectLog}). A reader given no log applies them to its split. Default: no budget.</li>
 *   <li>{@code nullPadding}: a row with too few fields gets NULLs for the missing ones (too many fields
 *       is always an error, or a reject).</li>
 * </ul>
 */
public final class CsvOptions implements Serializable {
    private static final long serialVersionUID = 3L;

    public static final long DEFAULT_BLOCK_SIZE = 64L << 20;
    public static final int DEFAULT_BATCH_ROWS = 65536;
    public static final int DEFAULT_MAX_LINE_SIZE = 8 << 20;
    public static final long DEFAULT_SAMPLE_SIZE = 1000;

    /** Whether the first record is a header. */
    public enum Header { TRUE, FALSE, AUTO }

    /**
     * What schema inference makes of decimal numbers (SQL {@code decimal = 'double' | 'varchar' | 'decimal'});
     * see the class comment. Declared types are never affected.
     */
    public enum DecimalMode {
        /** Numbers with a point are DOUBLE (the nearest one): the default. */
        DOUBLE,
        /** As DOUBLE, but a decimal with more than 15 significant digits makes its column VARCHAR. */
        VARCHAR,
        /** Plain decimals (and integers beyond BIGINT) are DECIMAL(38, s), exact; else as VARCHAR. */
        DECIMAL;

        /** The SQL option's value: {@code 'double'}, {@code 'varchar'} or {@code 'decimal'}. */
        public String sqlValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Values v;

    /** All settings, mutable only while a copy is being built. */
    private static final class Values implements Serializable, Cloneable {
        private static final long serialVersionUID = 3L;
        Header header = Header.TRUE;
        char delimiter = ',';
        char quote = '"';
        char escape = '"';
        char comment = 0;
        int skip = 0;
        List<String> nullStrings = List.of();
        String encoding = "UTF-8";
        boolean replaceInvalidUtf8 = false;
        int maxLineSize = DEFAULT_MAX_LINE_SIZE;
        String compression = "auto";
        List<String> timestampColumns = List.of();
        Map<String, FloeType> types = Map.of();
        boolean allVarchar = false;
        long sampleSize = DEFAULT_SAMPLE_SIZE;
        String dateFormat = null;
        String timestampFormat = null;
        DecimalMode decimals = DecimalMode.DOUBLE;
        boolean unionByName = false;
        boolean filename = false;
        boolean hivePartitioning = false;
        boolean ignoreErrors = false;
        boolean rejects = false;
        long maxRejects = -1;
        double maxRejectsFraction = -1;
        boolean nullPadding = false;
        long blockSize = DEFAULT_BLOCK_SIZE;
        int batchRows = DEFAULT_BATCH_ROWS;

        List<Object> all() {
            return java.util.Arrays.asList(header, delimiter, quote, escape, comment, skip, nullStrings, encoding,
                    replaceInvalidUtf8, maxLineSize, compression, timestampColumns, types, allVarchar, sampleSize,
                    dateFormat, timestampFormat, decimals, unionByName, filename, hivePartitioning, ignoreErrors, rejects,
                    maxRejects, maxRejectsFraction, nullPadding, blockSize, batchRows);
        }

        @Override
        protected Values clone() {
            try {
                return (Values) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private CsvOptions(Values v) {
        this.v = v;
    }

    public static CsvOptions defaults() {
        return new CsvOptions(new Values());
    }

    /** The defaults, reading the named columns as TIMESTAMP (pandas' {@code parse_dates}). */
    public static CsvOptions parseDates(String... timestampColumns) {
        return defaults().withTimestampColumns(timestampColumns);
    }

    /** Options from SQL {@code read_csv(..., name = value)}; see {@link CsvOptionsMap}. */
    public static CsvOptions fromMap(Map<String, Object> options) {
        return CsvOptionsMap.apply(defaults(), options);
    }

    private CsvOptions with(Consumer<Values> change) {
        Values copy = v.clone();
        change.accept(copy);
        validate(copy);
        return new CsvOptions(copy);
    }

    private static void validate(Values v) {
        checkAscii("delimiter", v.delimiter);
        checkAscii("quote", v.quote);
        checkAscii("escape", v.escape);
        if (v.comment != 0) {
            checkAscii("comment", v.comment);
        }
        char[] special = {v.delimiter, v.quote, v.comment};
        String[] names = {"delimiter", "quote", "comment"};
        for (int i = 0; i < special.length; i++) {
            if (special[i] == '\n' || special[i] == '\r') {
                throw new IllegalArgumentException(names[i] + " must not be a line break");
            }
            for (int j = i + 1; j < special.length; j++) {
                if (special[i] != 0 && special[i] == special[j]) {
                    throw new IllegalArgumentException(names[i] + " " + printable(special[i]) + " and " + names[j]
                            + " " + printable(special[j]) + " must differ");
                }
            }
        }
        if (v.escape == v.delimiter || v.escape == '\n' || v.escape == '\r') {
            throw new IllegalArgumentException("escape " + printable(v.escape)
                    + " must differ from the delimiter and line breaks");
        }
        if (v.blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1 byte, got " + v.blockSize);
        }
        if (v.batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1, got " + v.batchRows);
        }
        if (v.skip < 0) {
            throw new IllegalArgumentException("skip must be at least 0, got " + v.skip);
        }
        if (v.maxLineSize < 16) {
            throw new IllegalArgumentException("maxLineSize must be at least 16 bytes, got " + v.maxLineSize);
        }
        if (v.sampleSize == 0 || v.sampleSize < -1) {
            throw new IllegalArgumentException("sampleSize must be positive, or -1 to read every row, got "
                    + v.sampleSize);
        }
        if (v.maxRejectsFraction > 1) {
            throw new IllegalArgumentException("maxRejectsFraction must be at most 1, got " + v.maxRejectsFraction);
        }
        if (v.dateFormat != null) {
            dev.floe.io.csv.StrftimeFormat.compile(v.dateFormat);
        }
        if (v.timestampFormat != null) {
            dev.floe.io.csv.StrftimeFormat.compile(v.timestampFormat);
        }
        Encodings.check(v.encoding);
        Compression.check(v.compression);
    }

    // ---- accessors

    /** True if the first record is a header ({@link Header#AUTO} is resolved when a dataset is opened). */
    public boolean header() {
        return v.header == Header.TRUE;
    }

    public Header headerMode() {
        return v.header;
    }

    public char delimiter() {
        return v.delimiter;
    }

    public char quote() {
        return v.quote;
    }

    public char escape() {
        return v.escape;
    }

    /** The comment character, or 0 for none. */
    public char comment() {
        return v.comment;
    }

    public int skip() {
        return v.skip;
    }

    public List<String> nullStrings() {
        return v.nullStrings;
    }

    public String encoding() {
        return v.encoding;
    }

    public boolean replaceInvalidUtf8() {
        return v.replaceInvalidUtf8;
    }

    public int maxLineSize() {
        return v.maxLineSize;
    }

    public String compression() {
        return v.compression;
    }

    public List<String> timestampColumns() {
        return v.timestampColumns;
    }

    public Map<String, FloeType> types() {
        return v.types;
    }

    public boolean allVarchar() {
        return v.allVarchar;
    }

    public long sampleSize() {
        return v.sampleSize;
    }

    /** A strftime pattern for DATE columns, or null for ISO 8601. */
    public String dateFormat() {
        return v.dateFormat;
    }

    /** A strftime pattern for TIMESTAMP columns, or null for ISO 8601. */
    public String timestampFormat() {
        return v.timestampFormat;
    }

    /** What inference makes of decimal numbers ({@code decimal = ...}); {@link DecimalMode#DOUBLE} by default. */
    public DecimalMode decimals() {
        return v.decimals;
    }

    /**
     * True unless inference may round decimals to DOUBLE: {@code decimals()} is {@link DecimalMode#VARCHAR}
     * or {@link DecimalMode#DECIMAL}.
     */
    public boolean exactDecimals() {
        return v.decimals != DecimalMode.DOUBLE;
    }

    public boolean unionByName() {
        return v.unionByName;
    }

    public boolean filename() {
        return v.filename;
    }

    public boolean hivePartitioning() {
        return v.hivePartitioning;
    }

    public boolean ignoreErrors() {
        return v.ignoreErrors;
    }

    public boolean rejects() {
        return v.rejects;
    }

    /** The most rejected rows this read in a query (or a split read alone) may have, or -1 for no limit. */
    public long maxRejects() {
        return v.maxRejects;
    }

    /** The largest fraction of this read's records in a query (or a split's, read alone) that may be rejected, or -1. */
    public double maxRejectsFraction() {
        return v.maxRejectsFraction;
    }

    public boolean nullPadding() {
        return v.nullPadding;
    }

    public long blockSize() {
        return v.blockSize;
    }

    public int batchRows() {
        return v.batchRows;
    }

    // ---- copies

    public CsvOptions withHeader(boolean header) {
        return with(c -> c.header = header ? Header.TRUE : Header.FALSE);
    }

    public CsvOptions withHeader(Header header) {
        requireNonNull(header, "header is null");
        return with(c -> c.header = header);
    }

    public CsvOptions withDelimiter(char delimiter) {
        return with(c -> c.delimiter = delimiter);
    }

    /** Sets the quote; an escape that equalled the old quote follows it (doubling stays the rule). */
    public CsvOptions withQuote(char quote) {
        return with(c -> {
            if (c.escape == c.quote) {
                c.escape = quote;
            }
            c.quote = quote;
        });
    }

    public CsvOptions withEscape(char escape) {
        return with(c -> c.escape = escape);
    }

    /** A comment character (0 for none). */
    public CsvOptions withComment(char comment) {
        return with(c -> c.comment = comment);
    }

    public CsvOptions withSkip(int lines) {
        return with(c -> c.skip = lines);
    }

    public CsvOptions withNullStrings(List<String> nullStrings) {
        List<String> copy = List.copyOf(requireNonNull(nullStrings, "nullStrings is null"));
        return with(c -> c.nullStrings = copy);
    }

    public CsvOptions withEncoding(String encoding) {
        requireNonNull(encoding, "encoding is null");
        return with(c -> c.encoding = Encodings.canonical(encoding));
    }

    public CsvOptions withReplaceInvalidUtf8(boolean replace) {
        return with(c -> c.replaceInvalidUtf8 = replace);
    }

    public CsvOptions withMaxLineSize(int bytes) {
        return with(c -> c.maxLineSize = bytes);
    }

    public CsvOptions withCompression(String compression) {
        requireNonNull(compression, "compression is null");
        return with(c -> c.compression = compression.toLowerCase(java.util.Locale.ROOT));
    }

    public CsvOptions withTimestampColumns(String... timestampColumns) {
        List<String> copy = List.of(timestampColumns);
        return with(c -> c.timestampColumns = copy);
    }

    public CsvOptions withTypes(Map<String, FloeType> types) {
        requireNonNull(types, "types is null");
        Map<String, FloeType> copy = new LinkedHashMap<>();
        types.forEach((name, type) -> copy.put(requireNonNull(name, "column name is null"),
                requireNonNull(type, "type of column '" + name + "' is null")));
        Map<String, FloeType> frozen = Collections.unmodifiableMap(copy);
        return with(c -> c.types = frozen);
    }

    public CsvOptions withAllVarchar(boolean allVarchar) {
        return with(c -> c.allVarchar = allVarchar);
    }

    public CsvOptions withSampleSize(long rows) {
        return with(c -> c.sampleSize = rows);
    }

    public CsvOptions withDateFormat(String pattern) {
        return with(c -> c.dateFormat = pattern);
    }

    public CsvOptions withTimestampFormat(String pattern) {
        return with(c -> c.timestampFormat = pattern);
    }

    /** What inference makes of decimal numbers (SQL {@code decimal = 'double' | 'varchar' | 'decimal'}). */
    public CsvOptions withDecimals(DecimalMode mode) {
        requireNonNull(mode, "mode is null");
        return with(c -> c.decimals = mode);
    }

    /** {@code withDecimals(exact ? VARCHAR : DOUBLE)}: the two-valued form this option had first. */
    public CsvOptions withExactDecimals(boolean exact) {
        return withDecimals(exact ? DecimalMode.VARCHAR : DecimalMode.DOUBLE);
    }

    public CsvOptions withUnionByName(boolean union) {
        return with(c -> c.unionByName = union);
    }

    public CsvOptions withFilename(boolean filename) {
        return with(c -> c.filename = filename);
    }

    public CsvOptions withHivePartitioning(boolean hive) {
        return with(c -> c.hivePartitioning = hive);
    }

    public CsvOptions withIgnoreErrors(boolean ignore) {
        return with(c -> c.ignoreErrors = ignore);
    }

    /**
     * Keep rejected rows as {@link Reject}s: a query keeps the first {@link RejectLog#DEFAULT_CAPACITY}
     * ({@code QueryMetrics.rejects()}, SQL {@code reject_errors}); a reader read alone, in
     * {@link CsvBatchReader#rejects()}. In Java it implies nothing by itself: set ignoreErrors too (SQL's
     * {@code store_rejects = true} does).
     */
    public CsvOptions withRejects(boolean keep) {
        return with(c -> c.rejects = keep);
    }

    public CsvOptions withMaxRejects(long count) {
        return with(c -> c.maxRejects = count);
    }

    public CsvOptions withMaxRejectsFraction(double fraction) {
        return with(c -> c.maxRejectsFraction = fraction);
    }

    public CsvOptions withNullPadding(boolean pad) {
        return with(c -> c.nullPadding = pad);
    }

    public CsvOptions withBlockSize(long blockSize) {
        return with(c -> c.blockSize = blockSize);
    }

    public CsvOptions withBatchRows(int batchRows) {
        return with(c -> c.batchRows = batchRows);
    }

    /** The type the user declared for {@code column} (allVarchar, types, then timestampColumns), or null. */
    public FloeType declaredType(String column) {
        if (v.allVarchar) {
            return FloeType.STRING;
        }
        FloeType type = v.types.get(column);
        if (type == null && v.timestampColumns.contains(column)) {
            type = FloeType.TIMESTAMP;
        }
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvOptions other && v.all().equals(other.v.all());
    }

    @Override
    public int hashCode() {
        return Objects.hash(v.all().toArray());
    }

    @Override
    public String toString() {
        return "CsvOptions" + v.all();
    }

    private static void checkAscii(String what, char c) {
        if (c == 0 || c > 127) {
            throw new IllegalArgumentException(what + " must be a single ASCII character, got " + printable(c));
        }
    }

    static String printable(char c) {
        return c >= 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
