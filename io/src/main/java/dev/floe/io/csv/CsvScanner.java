package dev.floe.io.csv;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvFormatException;
import dev.floe.io.FileSplit;
import dev.floe.io.FloeIOException;
import dev.floe.io.Reject;
import dev.floe.io.RejectLog;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * The byte-level CSV scanner of one split: finds records and fields in large buffers and parses each
 * field straight into its Arrow vector (or skips it, or feeds it to a {@link TypeSampler}).
 *
 * <h2>The split rule</h2>
 *
 * A record begins at the file's <em>data start</em> {@code D} (byte 0, or after a UTF-8 byte order mark
 * and the {@code skip} lines) or right after a record-ending line break: an LF or a CR that is not inside
 * quotes. A split {@code [start, start + length)} owns every record that <em>begins</em> in that range:
 * <ul>
 *   <li>its first record is the first that begins at or after {@code max(start, D)}. Where that is, when
 *       quoted fields may hold line breaks, is {@link RecordStarts}' job (it resolves the quote state at
 *       {@code start} from the bytes after it, without reading the file from its beginning);</li>
 *   <li>it reads on past its end to finish the record that crosses it, and stops at the first record
 *       that begins at or after its end (that record belongs to the next split);</li>
 *   <li>the record at {@code D} is the header (if there is one): the split that owns it skips it.</li>
 * </ul>
 * Every record is therefore read by exactly one split, whatever the block size. Worked examples, on the
 * 12-byte file {@code "a,b\n1,2\n3,4\n"} (header {@code a,b} at bytes 0-3, {@code 1,2} at 4-7,
 * {@code 3,4} at 8-11):
 * <pre>
 *  split [0, 5)   starts at 0: skips the header, record "1,2" begins at 4 &lt; 5: reads it (to byte 7);
 *                 record "3,4" begins at 8 &gt;= 5: stops.                       -&gt; 1,2
 *  split [5, 10)  byte 4 is not a line break; the first at or after 4 is at 7, so its first record
 *                 begins at 8 &lt; 10: reads "3,4" (to byte 11); the next would begin at 12: stops. -&gt; 3,4
 *  split [10, 12) the first line break at or after 9 is at 11; the next record would begin at 12. -&gt; nothing
 *  split [4, 8)   byte 3 is LF, so its first record begins at 4: reads "1,2"; 8 &gt;= 8: stops. -&gt; 1,2
 *  split [8, 9)   byte 7 is LF: reads "3,4", which begins at 8 and crosses the end at 9.   -&gt; 3,4
 *  block size 1:  splits [0,1) .. [11,12); only [0,1), [4,5) and [8,9) own a record.
 * </pre>
 * And with a quoted line break, the 16-byte file {@code a,b\n1,"x\ny"\n2,z\n} (header at 0-3, the record
 * {@code 1,"x\ny"} at 4-11 with a quoted LF at byte 8, {@code 2,z} at 12-15):
 * <pre>
 *  split [0, 8)   skips the header; record 1,"x\ny" begins at 4 &lt; 8: reads it across its end, to byte 11;
 *                 the next record begins at 12 &gt;= 8: stops.                           -&gt; 1,"x\ny"
 *  split [8, 16)  does the LF at 8 end a record? RecordStarts runs every state from byte 7 (x): "outside
 *                 quotes" takes the LF as a record end, then reads y" -- a quote inside an unquoted field:
 *                 refuted. "Inside quotes" reads LF, y, the closing quote at 10, and the LF at 11 ends the
 *                 record. So the first record of the split begins at 12.                -&gt; 2,z
 * </pre>
 * A CRLF is a CR that ends the record and an empty line (skipped). Empty lines and comment lines (starting
 * with the comment byte) are skipped. The last record of a file may lack its line break.
 *
 * <h2>Buffers and the restart rule</h2>
 *
 * <pre>
 *   file:  ... | bufStart                                        bufStart+limit | ...
 *   buf:         [ consumed | pos: next record ............ limit ]['\n' sentinel]
 * </pre>
 * The scanner reads the file in large positional reads (up to 4 MiB, less near the end of the split)
 * into {@code buf}, always followed by an LF sentinel at {@code buf[limit]} and 8 bytes of padding, so
 * that the field loop needs no bounds check and can look at 8 bytes at a time (SWAR: a word's bytes
 * are compared with the delimiter, LF and CR at once; the sentinel stops it at the end of the data). A
 * record is parsed in one go; if it runs into the end of the buffer before the end of the file, parsing
 * stops there ({@code NEED_MORE}), the unconsumed bytes move to the front (the buffer doubles if one record
 * fills it, up to {@code maxLineSize}: past that the record is an error), more bytes are read, and the
 * record is parsed again from its start: values already written for that row are simply overwritten (the
 * row is not counted until it completes).
 *
 * <h2>The hot loop</h2>
 * {@link #parseRecords} parses all the records of a buffer in one loop (no call per record). Each unquoted
 * field first tries the fast path its column's kind chose once ({@link #chooseFastPaths}): integers and
 * doubles eight digit bytes at a time (a double such as {@code -0.239390} is one word: the point and the
 * end are its first two non-digit bytes; value {@code mantissa / 10^k}, exact, as {@link ValueParsers}),
 * {@code YYYY-MM-DD HH:MM:SS} with a cached date and the time as one word, ASCII text copied in one store
 * or one memcpy, and skipped columns that only find their end. Anything a fast path does not take (a
 * quote, an empty field, an exponent, a long number, non-ASCII text, the buffer's end) falls to the
 * general path ({@link #store}), which parses it or reports the error, so the fast paths never change an
 * answer or a message.
 *
 * <h2>Values and bad rows</h2>
 * An empty unquoted field, or one equal to a null string, is NULL. A quoted empty field is the empty string
 * for a STRING column and NULL for other types. Values are parsed by {@link ValueParsers} from the byte
 * slice, DECIMAL(p,s) values by {@link DecimalParser} straight into their unscaled integer (exactly: a value
 * with more decimals than s, other than trailing zeros, or more than p - s integer digits does not parse; it
 * is never rounded). DECIMAL columns have no fast path: every field goes through {@link #store}, so the
 * other kinds' loop is unchanged. A value that does not parse, or a row with the wrong number of fields, throws a
 * {@link CsvFormatException} naming file, line, column and text; under {@code ignoreErrors} the row is
 * skipped and counted instead (see {@link RowPolicy}).
 *
 * <p>Not thread-safe. The caller owns the vectors: it allocates them with room for {@code maxRows} rows
 * before each {@link #read}; the scanner writes values through {@link VectorSink} and sets the value counts.
 */
public final class CsvScanner implements AutoCloseable {
    public static final int SKIP = 0;
    public static final int INT64 = 1;
    public static final int FLOAT64 = 2;
    public static final int STRING = 3;
    public static final int TIMESTAMP = 4;
    public static final int DATE = 5;
    public static final int BOOLEAN = 6;
    public static final int INFER = 7;
    /** Read exactly, never through a double, by {@link DecimalParser}; off the fast paths (the general {@link #store}). */
    public static final int DECIMAL = 8;

    private static final int NEED_MORE = -1;
    /** Bytes after the sentinel, so that an 8-byte word read at any position up to the sentinel stays inside buf. */
    private static final int PAD = 8;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LF_WORD = ONES * '\n';
    private static final long CR_WORD = ONES * '\r';
    private final long quoteWord;
    /**
     * When the delimiter, quote, LF and CR are all below {@code '-'} (the usual {@code ,} and {@code "}, tab):
     * eight copies of the byte above the highest of them, else 0. {@link #fieldEnd} then finds candidates with
     * one comparison per word instead of four.
     */
    private final long belowWord;
    /** The bytes that end an unquoted field: delimiter, LF, CR, quote. */
    private final boolean[] ends = new boolean[256];
    private final long escapeWord;
    private static final boolean SWAR = MemoryUtil.LITTLE_ENDIAN;
    private static final int MIN_READ = 8 << 10;
    public static final int MAX_BUFFER = 4 << 20;
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final ByteSource source;
    private final String path;
    private final long splitStart;
    private final long splitEnd;
    private final long fileLength;
    private final Dialect dialect;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte comment;
    private final int maxLineSize;
    private final int columns;
    private final int[] kinds;
    /** Per column, its DECIMAL type (null for other kinds): precision and scale for {@link #decimals}. */
    private final FloeType[] decimalTypes;
    private final DecimalParser decimals = new DecimalParser();
    /**
     * Per column, which fast path {@link #parseRecords} tries on an unquoted field before the general
     * {@link #store}: INT64, FLOAT64, TIMESTAMP, STRING, SKIP, or INFER for none. Derived from kinds, the
     * policy and the formats by {@link #chooseFastPaths} whenever one of them changes.
     */
    private final int[] fastKinds;
    private final long delimiterWord;
    private final VectorSink sink;
    private boolean bound;
    private final int maxBuffer;
    private TypeSampler sampler;
    private CsvErrors errors;
    private final String[] names;
    private boolean[] declared;
    private RowPolicy policy = RowPolicy.STRICT;
    private boolean fastNumbers = true;
    private Formats formats = Formats.ISO;
    private final TimestampFastPath timestamps = new TimestampFastPath();

    private byte[] buf;
    private long bufStart;
    private int pos;
    private int limit;
    private boolean eof;
    private int tailRead = MIN_READ;
    private boolean positioned;
    private long firstRecord;
    private boolean finished;
    private long rows;
    private long rejected;
    private long replacements;
    /**
     * Replacements in the record that begins at file offset {@link #pendingRecord}, not yet in
     * {@link #replacements}: a record that runs past the buffer is parsed again after the refill, and a
     * rejected one is not read at all, so its count is dropped then ({@link #dropPendingReplacements}).
     */
    private long pendingReplacements;
    private long pendingRecord = -1;
    /** Where rejected rows are counted (and kept, if the policy asks): this scanner's own, or a query's. */
    private RejectLog rejectLog;
    /** The rejects this scanner put in {@link #rejectLog} (at most its capacity), to take back on a retry. */
    private final List<Reject> keptHere = new ArrayList<>();
    private boolean sharedLog;

    /** Set by {@link #parseRecords} when a record runs past the end of the buffer. */
    private boolean needMore;
    /** The row of the record {@link #parseRecords} is parsing (the row of a bad record). */
    private int recordRow;

    private byte[] scratch = new byte[256];
    private byte[] quotedArray;
    private int quotedStart;
    private int quotedEnd;

    /** The plain dialect (comma-like, doubled quotes, no comments, no skipped lines). */
    public CsvScanner(ByteSource source, FileSplit split, char delimiter, char quote, boolean header,
            String[] names, int maxBuffer) {
        this(source, split, Dialect.csv(delimiter, quote, header), names, maxBuffer);
    }

    /**
     * @param source    the split's file, owned (and closed) by this scanner
     * @param names     the file's column names, in file order
     * @param maxBuffer the largest read buffer in bytes (a longer record still fits: the buffer grows)
     */
    public CsvScanner(ByteSource source, FileSplit split, Dialect dialect, String[] names, int maxBuffer) {
        this.source = requireNonNull(source, "source is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.path = split.path();
        this.splitStart = split.start();
        this.splitEnd = split.end();
        this.fileLength = split.fileLength();
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
        this.escape = dialect.escape();
        this.comment = dialect.comment();
        this.maxLineSize = dialect.maxLineSize();
        this.names = requireNonNull(names, "names is null").clone();
        this.columns = names.length;
        this.kinds = new int[columns];
        this.decimalTypes = new FloeType[columns];
        this.fastKinds = new int[columns];
        this.delimiterWord = ONES * (this.delimiter & 0xFF);
        this.quoteWord = ONES * (this.quote & 0xFF);
        int highest = Math.max(Math.max(this.delimiter & 0xFF, this.quote & 0xFF), CR);
        this.belowWord = highest < '-' ? ONES * (highest + 1) : 0;
        ends[this.delimiter & 0xFF] = true;
        ends[this.quote & 0xFF] = true;
        ends[LF] = true;
        ends[CR] = true;
        this.escapeWord = ONES * (this.escape & 0xFF);
        this.sink = new VectorSink(columns);
        this.maxBuffer = maxBuffer;
        long remaining = fileLength - splitStart;
        long wanted = Math.min(split.length(), remaining) + MIN_READ;
        this.buf = new byte[(int) Math.min(maxBuffer, Math.max(MIN_READ, wanted)) + 1 + PAD];
        if (columns == 0) {
            throw new IllegalArgumentException("a CSV file needs at least one column");
        }
    }

    /** Parses column {@code column} into {@code vector}, whose type must match {@code type}. */
    public void bind(int column, FloeType type, FieldVector vector) {
        kinds[column] = kindOf(type);
        decimalTypes[column] = type.isDecimal() ? type : null;
        sink.bind(column, vector);
        bound = true;
        chooseFastPaths();
    }

    /** Feeds every column to {@code sampler} instead of vectors. */
    public void sampleInto(TypeSampler sampler) {
        this.sampler = requireNonNull(sampler, "sampler is null");
        Arrays.fill(kinds, INFER);
        chooseFastPaths();
    }

    /** Marks which columns had user-declared types (error messages differ). */
    public void declared(boolean[] declared) {
        this.declared = declared.clone();
    }

    /** How bad rows, null strings and short rows are treated (default: every problem is an error). */
    public void policy(RowPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
        this.fastNumbers = policy.nullStrings().length == 0;
        if (rejectLog == null) {
            rejectLog = new RejectLog(policy.keepRejects() ? RejectLog.DEFAULT_CAPACITY : 0);
        }
        chooseFastPaths();
    }

    /**
     * Counts rejected rows (and keeps them, if the policy asks) in {@code log}, shared by every reader of a
     * query ({@code shared}), so that max_rejects bounds the whole query. Call before {@link #read}.
     */
    public void rejectLog(RejectLog log, boolean shared) {
        this.rejectLog = requireNonNull(log, "log is null");
        this.sharedLog = shared;
    }

    /** The user's date and timestamp patterns. */
    public void formats(Formats formats) {
        this.formats = requireNonNull(formats, "formats is null");
        chooseFastPaths();
    }

    /** Fills {@link #fastKinds}: no fast path when null strings are set, none for timestamps in user formats. */
    private void chooseFastPaths() {
        for (int c = 0; c < columns; c++) {
            int kind = kinds[c];
            boolean fast = fastNumbers && (kind != TIMESTAMP || formats == Formats.ISO)
                    && (kind == INT64 || kind == FLOAT64 || kind == TIMESTAMP || kind == STRING || kind == SKIP);
            fastKinds[c] = fast ? kind : INFER;
        }
    }

    public static int kindOf(FloeType type) {
        switch (type.kind()) {
            case INT64: return INT64;
            case FLOAT64: return FLOAT64;
            case STRING: return STRING;
            case TIMESTAMP: return TIMESTAMP;
            case DATE: return DATE;
            case BOOLEAN: return BOOLEAN;
            case DECIMAL: return DECIMAL;
            default: throw new IllegalArgumentException("cannot read CSV as " + type);
        }
    }

    /** Records read so far. */
    public long rows() {
        return rows;
    }

    /** Records skipped as bad so far (under ignoreErrors). */
    public long rejected() {
        return rejected;
    }

    /** The rejects this scanner kept in its log (a shared log also holds other readers'). */
    public List<Reject> keptRejects() {
        return keptHere;
    }

    /** The log rejected rows go to (null before {@link #policy} or {@link #rejectLog} was set). */
    public RejectLog rejectLog() {
        return rejectLog;
    }

    /** Invalid UTF-8 sequences replaced by U+FFFD so far (with replaceInvalidUtf8). */
    public long replacements() {
        return replacements + pendingReplacements;
    }

    /** The record at {@code pos} is parsed again or rejected: its replacements do not count (cold path). */
    private void dropPendingReplacements() {
        if (pendingRecord == bufStart + pos) {
            pendingReplacements = 0;
        }
    }

    /** File offset where the next record begins (after the split: where the last one ended). */
    public long position() {
        return bufStart + pos;
    }

    /**
     * Bytes from where this split's first record begins (0 for the first split: the header counts) to
     * where its last record read ends. Over all the splits of a file these add up to the file's length.
     */
    public long bytesConsumed() {
        return positioned ? Math.max(0, position() - firstRecord) : 0;
    }

    public boolean finished() {
        return finished;
    }

    /**
     * Parses up to {@code maxRows} records into rows {@code 0..n-1} of the bound vectors; returns n.
     * Returns 0 only when the split is done.
     */
    public int read(int maxRows) {
        try {
            if (!positioned) {
                position(splitStart);
                positioned = true;
            }
            if (bound) {
                sink.begin(maxRows);
            }
            int row = 0;
            while (row < maxRows && !finished) {
                if (bufStart + pos >= splitEnd) {
                    finished = true;
                    break;
                }
                if (pos >= limit) {
                    if (!refill()) {
                        finished = true;
                    }
                    continue;
                }
                byte first = buf[pos];
                if (first == LF || first == CR) {
                    pos++;
                    continue;
                }
                if (first == comment && comment != 0) {
                    int next = skipLine(pos);
                    if (next == NEED_MORE) {
                        refillOrFail();
                    } else {
                        pos = next;
                    }
                    continue;
                }
                try {
                    row = parseRecords(row, maxRows);
                } catch (CsvFormatException e) {
                    row = recordRow;
                    int next = reject(e, row);
                    if (next == NEED_MORE) {
                        refillOrFail();
                    } else {
                        pos = next;
                    }
                    continue;
                }
                if (needMore) {
                    needMore = false;
                    dropPendingReplacements();
                    refillOrFail();
                }
            }
            rows += row;
            if (bound) {
                sink.end(row);
            }
            if (finished) {
                checkRejectFraction();
            }
            return row;
        } catch (IOException e) {
            throw new FloeIOException("cannot read " + Storage.displayName(path) + " at byte " + position() + ": " + e, e);
        }
    }

    private void refillOrFail() throws IOException {
        if (!refill()) {
            throw new IllegalStateException("record at byte " + position() + " of " + path
                    + " needs more bytes but the file ended");
        }
    }

    /**
     * Handles a bad record that begins at {@code pos}: rethrows it unless the policy skips bad rows; else
     * counts it, keeps it if asked, resets the row and returns the position after the record (or NEED_MORE).
     */
    private int reject(CsvFormatException e, int row) {
        if (!policy.ignoreErrors() || !e.recoverable()) {
            throw e;
        }
        int end = skipFields(pos);
        if (end == NEED_MORE) {
            return NEED_MORE;
        }
        rejected++;
        dropPendingReplacements();
        if (bound) {
            sink.resetRow(row);
        }
        if (rejectLog == null) {
            rejectLog = new RejectLog(0);
        }
        Reject kept = policy.keepRejects() && rejectLog.hasRoom() ? errors().reject(e, buf, pos, end, bufStart + pos)
                : null;
        if (kept != null) {
            keptHere.add(kept);
        }
        long total = rejectLog.reject(kept);
        if (policy.maxRejects() >= 0 && total > policy.maxRejects()) {
            throw new CsvFormatException(e.file(), e.line(), e.byteOffset(), e.column(), e.text(),
                    Storage.displayName(path) + ": more than max_rejects = " + policy.maxRejects()
                    + " rows rejected" + (sharedLog ? "" : " in one split") + "; the last: "
                    + e.getMessage() + "; fix the file or raise max_rejects", false);
        }
        return end;
    }

    private void checkRejectFraction() {
        double max = policy.maxRejectsFraction();
        long total = rows + rejected;
        if (max >= 0 && rejected > 0 && rejected > max * total) {
            throw new CsvFormatException(path, -1, -1, null, null, Storage.displayName(path) + ": "
                    + rejected + " of " + total + " rows rejected in " + splitStart + "-" + splitEnd
                    + ", more than max_rejects = " + max + " of them; fix the file or raise max_rejects", false);
        }
    }

    /** Positions the buffer at the first record this split owns (see the split rule); skips the header. */
    private void position(long start) throws IOException {
        long dataStart = dataStart(source, fileLength, dialect);
        long first = dataStart;
        int windowBytes = 0;
        if (start > dataStart) {
            // the search reads its first bytes from start - 1 into buf: they are parsed from there, not read
            // again. It scans max_line_size bytes for a quote, so buf grows to hold them (or the split) at once
            // (the size a long record may grow it to anyway), within four times the largest read buffer.
            long window = Math.min(Math.min(maxLineSize, 4L * maxBuffer), splitEnd - (start - 1) + MIN_READ);
            if (window > capacity()) {
                buf = new byte[(int) window + 1 + PAD];
            }
            // (the window: the bytes the quote scan needs, or the split, whichever is longer, as buf allows)
            long wanted = Math.max(Math.min(maxLineSize, fileLength - (start - 1)), splitEnd - (start - 1) + 1);
            RecordStarts.Start found = RecordStarts.findInto(source, fileLength, dialect, dataStart, start, buf,
                    (int) Math.min(capacity(), wanted));
            first = found.first();
            windowBytes = found.windowBytes();
        }
        firstRecord = start == 0 ? 0 : Math.min(first, fileLength);
        bufStart = first;
        pos = 0;
        limit = 0;
        if (first >= splitEnd || first >= fileLength) {
            finished = true;
            bufStart = Math.max(first, start);
            return;
        }
        if (windowBytes > 0 && first < start - 1 + windowBytes) {
            bufStart = start - 1;
            pos = (int) (first - bufStart);
            limit = windowBytes;
            eof = bufStart + limit >= fileLength;
            buf[limit] = LF;
            return;
        }
        refill();
        if (dialect.header() && first == dataStart) {
            skipRecord();
        }
    }

    /** Where the first record of a file begins: see {@link DataStart#of}. */
    public static long dataStart(ByteSource source, long fileLength, Dialect dialect) throws IOException {
        return DataStart.of(source, fileLength, dialect);
    }

    /** Skips one record (the header), following quotes. */
    private void skipRecord() throws IOException {
        while (pos < limit || refill()) {
            int next = skipFields(pos);
            if (next != NEED_MORE) {
                pos = next;
                return;
            }
            if (!refill()) {
                pos = limit;
                return;
            }
        }
    }

    /** Skips a comment line; returns the position after its line break, or NEED_MORE. */
    private int skipLine(int p) {
        final byte[] b = buf;
        while (b[p] != LF && b[p] != CR) {
            p++;
        }
        if (p == limit && !eof) {
            checkLineSize(pos, p);
            return NEED_MORE;
        }
        return p == limit ? limit : p + 1;
    }

    /** Scans one record of any number of fields without storing; returns the position after it. */
    private int skipFields(int p) {
        final byte[] b = buf;
        int column = 0;
        while (true) {
            if (b[p] == quote) {
                p = scanQuoted(p, Math.min(column, columns - 1), false);
                if (p == NEED_MORE) {
                    return NEED_MORE;
                }
            } else {
                int s = p;
                p = fieldEnd(b, p);
                if (p == limit && !eof) {
                    return NEED_MORE;
                }
                if (b[p] == quote && p < limit) {
                    throw errors().quoteInField(column, (char) quote, b, s, p, limit, bufStart + p, bufStart + pos);
                }
            }
            column++;
            if (b[p] == delimiter) {
                p++;
            } else {
                return p == limit ? limit : p + 1;
            }
        }
    }

    /**
     * Parses the records that begin at {@code pos} into rows {@code row, row + 1, ...}, in one loop (the hot
     * loop of the reader: no call per record): stops before {@code maxRows}, at the split's end, at the
     * buffer's end, at a comment line, or when a record runs past the buffer (then sets {@link #needMore};
     * {@code pos} is left at that record's start). Empty lines are skipped. Advances {@code pos} past each
     * record parsed and returns the next row. A bad record throws with {@code pos} at its start and
     * {@link #recordRow} its row.
     */
    private int parseRecords(int row, int maxRows) {
        final byte[] b = buf;
        final byte d = delimiter;
        final int last = columns - 1;
        final int[] fast = fastKinds;
        final long ownedInBuf = splitEnd - bufStart; // records that begin at or after this are the next split's
        int p = pos;
        records:
        while (row < maxRows && p < limit && p < ownedInBuf) {
            final int start = p;
            byte first = b[p];
            if (first == LF || first == CR) {
                pos = ++p;
                continue;
            }
            if (first == comment && comment != 0) {
                break;
            }
            recordRow = row;
            int c = 0;
            for (; ; c++) {
                if (b[p] == quote) {
                    p = quotedField(p, c, row);
                } else {
                    int end;
                    switch (fast[c]) {
                        case INT64:
                            end = tryLong(b, p, c, row);
                            break;
                        case FLOAT64:
                            end = tryDouble(b, p, c, row);
                            break;
                        case TIMESTAMP:
                            end = tryTimestamp(b, p, c, row);
                            break;
                        case STRING:
                            end = tryString(b, p, c, row);
                            break;
                        case SKIP:
                            end = trySkip(b, p);
                            break;
                        default:
                            end = -1;
                    }
                    p = end >= 0 ? end : plainField(p, c, row, start);
                }
                if (p == NEED_MORE) {
                    needMore = true;
                    break records;
                }
                if (b[p] != d) {
                    break;
                }
                if (c == last) {
                    throw errors().fieldCount(columns, true, b, start, limit, bufStart + start);
                }
                p++;
            }
            if (c != last) {
                shortRecord(c, row, start);
            }
            if (p - start > maxLineSize) {
                throw errors().lineTooLong(b, start, p, bufStart + start, maxLineSize, dialect);
            }
            p = p == limit ? limit : p + 1;
            pos = p;
            row++;
        }
        return row;
    }

    /** A quoted field at {@code p}: stores it; returns the position of the byte after it, or NEED_MORE. */
    private int quotedField(int p, int c, int row) {
        int end = scanQuoted(p, c, true);
        if (end != NEED_MORE) {
            store(c, row, quotedArray, quotedStart, quotedEnd, true, p);
        }
        return end;
    }

    /** An unquoted field at {@code s} that no fast path took: stores it; returns its end, or NEED_MORE. */
    private int plainField(int s, int c, int row, int recordStart) {
        final byte[] b = buf;
        int p = fieldEnd(b, s);
        if (p == limit && !eof) {
            return NEED_MORE;
        }
        if (b[p] == quote && p < limit) {
            throw errors().quoteInField(c, (char) quote, b, s, p, limit, bufStart + p, bufStart + recordStart);
        }
        store(c, row, b, s, p, false, s);
        return p;
    }

    /** The record at {@code start} ended after field {@code c}, before the last: an error, or NULLs to pad it. */
    private void shortRecord(int c, int row, int start) {
        if (!policy.nullPadding()) {
            throw errors().fieldCount(c + 1, false, buf, start, limit, bufStart + start);
        }
        for (int k = c + 1; k < columns; k++) {
            if (kinds[k] != SKIP && kinds[k] != INFER) {
                sink.putNull(k, row);
            }
        }
    }

    /**
     * The fast path of numbers: parses {@code [-]digits} (or {@code [-]digits[.digits]} for a double) while
     * scanning for the field's end, writes the value and returns the end; or returns -1 if the field is
     * anything else (empty, long, exponent, not a number, or cut by the end of the buffer), which the
     * general path then handles. Same arithmetic as {@link ValueParsers#parseDouble}: bit-exact.
     */
    private int tryLong(byte[] b, int p, int c, int row) {
        if (!SWAR) {
            return tryNumberLoop(b, p, c, row, true);
        }
        // eight bytes at a time (else the loop). Reading 8 bytes at q <= limit stays inside buf (sentinel +
        // padding); the sentinel LF is not a digit, so nothing past the data is ever taken for one.
        int q = p;
        boolean negative = b[q] == '-';
        if (negative) {
            q++;
        }
        long w = MemoryUtil.getLong(b, q);
        int k = DigitWords.leadingDigits(w);
        if (k == 8) {
            return tryNumberLoop(b, p, c, row, true);
        }
        byte t = (byte) (w >>> (k << 3)); // the byte after the digits is byte k of w: no second load
        q += k;
        if ((t != delimiter && t != LF && t != CR) || k == 0 || (q == limit && !eof)) {
            return -1;
        }
        long m = DigitWords.value(w, k);
        sink.putLong(c, row, negative ? -m : m);
        return q;
    }

    /**
     * {@link #tryLong} for a double: {@code [-]digits[.digits]}. A number of up to 8 bytes after its sign
     * (the usual {@code 0.239390}) is one word: the point is its first non-digit byte, and the end its
     * second one or the byte after the word. A longer one takes a second word for the fraction
     * ({@link #tryLongDouble}).
     */
    private int tryDouble(byte[] b, int p, int c, int row) {
        if (!SWAR) {
            return tryNumberLoop(b, p, c, row, false);
        }
        int q = p;
        boolean negative = b[q] == '-';
        if (negative) {
            q++;
        }
        long w = MemoryUtil.getLong(b, q);
        long nonDigits = DigitWords.nonDigits(w);
        int k = Long.numberOfTrailingZeros(nonDigits) >>> 3;
        if (k == 8) {
            return tryNumberLoop(b, p, c, row, false);
        }
        byte t = (byte) (w >>> (k << 3));
        int fractionDigits = 0;
        long m;
        if (t == '.') {
            if (k == 7) {
                return tryLongDouble(b, p, q, w, k, c, row, negative);
            }
            // the first non-digit after the point ends the number: in w, or (8 when rest is 0) right after it
            long rest = nonDigits & (-1L << ((k + 1) << 3));
            int e = Long.numberOfTrailingZeros(rest) >>> 3;
            if (e == 8) {
                t = b[q + 8]; // readable: bytes q..q+7 are digits and the point, so data, before the sentinel
                if (t >= '0' && t <= '9') {
                    return tryLongDouble(b, p, q, w, k, c, row, negative);
                }
            } else {
                t = (byte) (w >>> (e << 3));
            }
            fractionDigits = e - k - 1;
            // drop the point: the fraction's bytes move down one byte, next to the integer digits
            long lowMask = (1L << (k << 3)) - 1;
            m = DigitWords.value8((w & lowMask) | ((w >>> 8) & ~lowMask), e - 1);
            q += e;
        } else {
            m = DigitWords.value(w, k);
            q += k;
        }
        if ((t != delimiter && t != LF && t != CR) || k + fractionDigits == 0 || (q == limit && !eof)) {
            return -1;
        }
        // m < 10^7 and fractionDigits <= 6: one correctly rounded division, as Double.parseDouble
        double v = (double) m / ValueParsers.POW10[fractionDigits];
        sink.putDouble(c, row, negative ? -v : v);
        return q;
    }

    /** {@link #tryDouble} when the point is at {@code q + k} and the fraction runs past the first word. */
    private int tryLongDouble(byte[] b, int p, int q, long w, int k, int c, int row, boolean negative) {
        q += k + 1; // at most limit: the '.' is data, not the sentinel
        long f = MemoryUtil.getLong(b, q);
        int fractionDigits = DigitWords.leadingDigits(f);
        if (fractionDigits == 8) {
            return tryNumberLoop(b, p, c, row, false);
        }
        byte t = (byte) (f >>> (fractionDigits << 3));
        q += fractionDigits;
        int digits = k + fractionDigits;
        if ((t != delimiter && t != LF && t != CR) || digits == 0 || (q == limit && !eof)) {
            return -1;
        }
        // the integer and fraction digits side by side in one word when they fit (bytes above are ignored)
        long m = digits <= 8 ? DigitWords.value8((w & ((1L << (k << 3)) - 1)) | (f << (k << 3)), digits)
                : DigitWords.value(w, k) * DigitWords.POW10[fractionDigits] + DigitWords.value(f, fractionDigits);
        // m < 10^14 < 2^53 and fractionDigits <= 7: one correctly rounded division
        double v = (double) m / ValueParsers.POW10[fractionDigits];
        sink.putDouble(c, row, negative ? -v : v);
        return q;
    }

    /** The byte-at-a-time fast path (long digit runs). */
    private int tryNumberLoop(byte[] b, int p, int c, int row, boolean integer) {
        int q = p;
        boolean negative = b[q] == '-';
        if (negative) {
            q++;
        }
        int start = q;
        long m = 0;
        int d;
        while ((d = b[q] - '0') >= 0 && d <= 9) {
            m = m * 10 + d;
            q++;
        }
        int digits = q - start;
        int fractionDigits = 0;
        if (!integer && b[q] == '.') {
            int fractionStart = ++q;
            while ((d = b[q] - '0') >= 0 && d <= 9) {
                m = m * 10 + d;
                q++;
            }
            fractionDigits = q - fractionStart;
            digits += fractionDigits;
        }
        byte t = b[q];
        if ((t != delimiter && t != LF && t != CR) || digits == 0 || digits > 18 || (q == limit && !eof)) {
            return -1;
        }
        if (integer) {
            sink.putLong(c, row, negative ? -m : m);
        } else {
            if (m >= ValueParsers.MANTISSA_LIMIT) {
                return -1;
            }
            double v = fractionDigits == 0 ? (double) m : (double) m / ValueParsers.POW10[fractionDigits];
            sink.putDouble(c, row, negative ? -v : v);
        }
        return q;
    }

    /**
     * The fast path of text: an unquoted, non-empty ASCII field not cut by the end of the buffer, copied
     * straight into the vector. Returns the field's end, or -1 for the general path (which also reports a
     * quote inside the field, and handles NULL, non-ASCII and NEED_MORE).
     */
    private int tryString(byte[] b, int p, int c, int row) {
        int e = fieldEnd(b, p);
        if (e == p || b[e] == quote || (e == limit && !eof) || !Utf8.isAscii(b, p, e)) {
            return -1;
        }
        sink.putString(c, row, b, p, e - p);
        return e;
    }

    /** The fast path of a column no one reads: its end, or -1 for the general path (see {@link #tryString}). */
    private int trySkip(byte[] b, int p) {
        int e = fieldEnd(b, p);
        if (b[e] == quote || (e == limit && !eof)) {
            return -1;
        }
        return e;
    }

    /**
     * The fast path of timestamps: exactly {@code YYYY-MM-DD HH:MM:SS} (or with {@code T}) followed by the
     * field's end ({@link TimestampFastPath}). Returns the field's end, or -1 for the general path.
     */
    private int tryTimestamp(byte[] b, int p, int c, int row) {
        int q = p + 19;
        if (q > limit || (q == limit && !eof)) {
            return -1;
        }
        byte t = b[q];
        if (t != delimiter && t != LF && t != CR) {
            return -1;
        }
        long micros = timestamps.micros(b, p);
        if (micros == TimestampFastPath.NOT_SIMPLE) {
            return -1;
        }
        sink.putLong(c, row, micros);
        return q;
    }

    /**
     * The position of the first delimiter, LF, CR or quote at or after {@code p} (the sentinel LF bounds it).
     * A quote there is an error (RFC 4180: a quote may only open a field), which the caller reports.
     */
    private int fieldEnd(byte[] b, int p) {
        if (SWAR && belowWord != 0) {
            // one test per word for "a byte below the threshold" (the lowest flagged byte is exact: no
            // borrow reaches it), then the byte itself: digits, letters, '-' and '.' are never candidates
            while (true) {
                long word = MemoryUtil.getLong(b, p);
                long found = (word - belowWord) & ~word & HIGHS;
                if (found != 0) {
                    int i = p + (Long.numberOfTrailingZeros(found) >>> 3);
                    if (ends[b[i] & 0xFF]) {
                        return i;
                    }
                    p = i + 1; // a space or other low byte inside the field
                } else {
                    p += 8;
                }
            }
        }
        if (SWAR) {
            while (true) {
                long word = MemoryUtil.getLong(b, p);
                long x = word ^ delimiterWord;
                long y = word ^ LF_WORD;
                long z = word ^ CR_WORD;
                long w = word ^ quoteWord;
                long found = ((x - ONES) & ~x | (y - ONES) & ~y | (z - ONES) & ~z | (w - ONES) & ~w) & HIGHS;
                if (found != 0) {
                    return p + (Long.numberOfTrailingZeros(found) >>> 3);
                }
                p += 8;
            }
        }
        byte x;
        while ((x = b[p]) != delimiter && x != LF && x != CR && x != quote) {
            p++;
        }
        return p;
    }

    /**
     * Scans the quoted field whose opening quote is at {@code p}. Returns the position of the byte that
     * ends the field (delimiter, LF, CR, or the sentinel at the end of the file), or NEED_MORE. With
     * {@code capture}, sets quotedArray/Start/End to the unescaped value (in buf, or in scratch when it
     * held escapes).
     */
    private int scanQuoted(int p, int column, boolean capture) {
        final byte[] b = buf;
        final byte q = quote;
        final byte esc = escape;
        final int lim = limit;
        int start = p + 1;
        int i = start;
        boolean escaped = false;
        while (true) {
            i = quoteOrEscape(b, i, lim);
            if (i >= lim) {
                if (eof) {
                    throw errors().unterminatedQuote(column, (char) q, b, p, lim, bufStart + p);
                }
                checkLineSize(pos, i);
                return NEED_MORE;
            }
            if (i + 1 == lim && !eof) {
                return NEED_MORE;
            }
            if (b[i] == esc && esc != q) {
                if (i + 1 >= lim) {
                    throw errors().unterminatedQuote(column, (char) q, b, p, lim, bufStart + p);
                }
                escaped = true;
                i += 2;
                continue;
            }
            if (esc == q && i + 1 < lim && b[i + 1] == q) {
                escaped = true;
                i += 2;
                continue;
            }
            break;
        }
        int close = i;
        int after = i + 1;
        if (after == lim && !eof) {
            return NEED_MORE;
        }
        byte t = b[after];
        if (t != delimiter && t != LF && t != CR) {
            throw errors().afterQuote(column, (char) q, b, p, lim, bufStart + p, bufStart + pos);
        }
        if (capture) {
            if (escaped) {
                unescape(b, start, close);
            } else {
                quotedArray = b;
                quotedStart = start;
                quotedEnd = close;
            }
        }
        return after;
    }

    /** The position of the first quote or escape byte in {@code b[i, lim)}, or lim. */
    private int quoteOrEscape(byte[] b, int i, int lim) {
        if (SWAR) {
            // 8 bytes at a time; a word read at i < lim stays inside buf (sentinel and padding follow lim)
            for (; i < lim; i += 8) {
                long word = MemoryUtil.getLong(b, i);
                long x = word ^ quoteWord;
                long y = word ^ escapeWord;
                long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
                if (found != 0) {
                    return Math.min(lim, i + (Long.numberOfTrailingZeros(found) >>> 3));
                }
            }
            return lim;
        }
        byte x;
        while (i < lim && (x = b[i]) != quote && x != escape) {
            i++;
        }
        return i;
    }

    private void unescape(byte[] b, int start, int end) {
        if (scratch.length < end - start) {
            scratch = new byte[Math.max(end - start, scratch.length * 2)];
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            byte x = b[i];
            if (x == escape) {
                // doubled quote: keep one; escape byte: keep the byte after it
                i++;
                scratch[n++] = escape == quote ? x : b[i];
            } else {
                scratch[n++] = x;
            }
        }
        quotedArray = scratch;
        quotedStart = 0;
        quotedEnd = n;
    }

    /** Writes one field's value; {@code fieldPos} (in buf) locates it for error messages. */
    private void store(int c, int row, byte[] a, int s, int e, boolean quoted, int fieldPos) {
        int kind = kinds[c];
        if (kind == SKIP) {
            return;
        }
        if (!quoted && policy.nullStrings().length != 0 && isNullString(a, s, e)) {
            if (kind != INFER) {
                sink.putNull(c, row);
            }
            return;
        }
        if (kind == STRING) {
            if (e == s && !quoted) {
                sink.putNull(c, row);
            } else if (Utf8.isAscii(a, s, e) || Utf8.invalidAt(a, s, e) < 0) {
                sink.putString(c, row, a, s, e - s);
            } else {
                putInvalidUtf8(c, row, a, s, e, fieldPos);
            }
            return;
        }
        if (e == s) {
            if (kind != INFER) {
                sink.putNull(c, row);
            }
            return;
        }
        try {
            switch (kind) {
                case INT64:
                    sink.putLong(c, row, ValueParsers.parseLong(a, s, e));
                    break;
                case FLOAT64:
                    sink.putDouble(c, row, ValueParsers.parseDouble(a, s, e));
                    break;
                case TIMESTAMP:
                    sink.putLong(c, row, formats == Formats.ISO ? ValueParsers.parseTimestampMicros(a, s, e, true)
                            : formats.micros(a, s, e));
                    break;
                case DATE:
                    sink.putInt(c, row, formats == Formats.ISO ? ValueParsers.parseDateDays(a, s, e) : formats.days(a, s, e));
                    break;
                case BOOLEAN:
                    sink.putBoolean(c, row, ValueParsers.parseBoolean(a, s, e));
                    break;
                case DECIMAL:
                    FloeType decimal = decimalTypes[c];
                    decimals.parse(a, s, e, decimal.precision(), decimal.scale());
                    sink.putDecimal(c, row, decimals.high, decimals.low);
                    break;
                case INFER:
                    sampler.observe(c, a, s, e, bufStart + pos);
                    break;
                default:
                    throw new IllegalStateException("unknown column kind " + kind + " of column " + c);
            }
        } catch (ParseFailure f) {
            if (kind == DECIMAL) {
                throw errors().badDecimal(c, decimalTypes[c], a, s, e, bufStart + fieldPos, bufStart + pos);
            }
            throw errors().badValue(c, typeOf(kind), a, s, e, bufStart + fieldPos, bufStart + pos);
        }
    }

    private void putInvalidUtf8(int c, int row, byte[] a, int s, int e, int fieldPos) {
        if (!policy.replaceInvalidUtf8()) {
            int bad = Utf8.invalidAt(a, s, e);
            long offset = a == buf ? bufStart + bad : bufStart + fieldPos;
            throw errors().invalidUtf8(c, a, s, e, offset, bufStart + pos);
        }
        byte[] out = new byte[(e - s) * 3];
        int[] count = new int[1];
        int n = Utf8.replaceInvalid(a, s, e, out, count);
        long record = bufStart + pos;
        if (record != pendingRecord) {
            replacements += pendingReplacements;
            pendingReplacements = 0;
            pendingRecord = record;
        }
        pendingReplacements += count[0];
        sink.putString(c, row, out, 0, n);
    }

    private boolean isNullString(byte[] a, int s, int e) {
        for (byte[] n : policy.nullStrings()) {
            if (n.length == e - s && Arrays.equals(n, 0, n.length, a, s, e)) {
                return true;
            }
        }
        return false;
    }

    private static FloeType typeOf(int kind) {
        switch (kind) {
            case INT64: return FloeType.INT64;
            case FLOAT64: return FloeType.FLOAT64;
            case TIMESTAMP: return FloeType.TIMESTAMP;
            case DATE: return FloeType.DATE;
            case BOOLEAN: return FloeType.BOOLEAN;
            default: return FloeType.STRING;
        }
    }

    private CsvErrors errors() {
        if (errors == null) {
            errors = new CsvErrors(source, path, names, declared);
        }
        errors.record(buf, pos, limit, bufStart + pos, dialect); // cold: only error paths call errors()
        return errors;
    }

    /** A record that has reached {@code end} without ending is over the limit: fail, naming where it began. */
    private void checkLineSize(int recordStart, int end) {
        if (end - recordStart > maxLineSize) {
            throw errors().lineTooLong(buf, recordStart, end, bufStart + recordStart, maxLineSize, dialect);
        }
    }

    /**
     * Keeps the unconsumed bytes {@code [pos, limit)}, moves them to the front (growing the buffer if
     * they fill it), and reads more. Returns false if the file has no more bytes.
     */
    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
            bufStart += pos;
            pos = 0;
            limit = keep;
        } else if (keep >= capacity()) {
            checkLineSize(0, keep);
            buf = Arrays.copyOf(buf, capacity() * 2 + 1 + PAD);
        }
        long filePos = bufStart + limit;
        long want = Math.min(capacity() - limit, fileLength - filePos);
        long beforeSplitEnd = splitEnd - filePos;
        if (beforeSplitEnd < want) {
            // past the split's end only the last record is left to finish: read small, growing steps
            want = Math.min(want, Math.max(beforeSplitEnd, tailRead));
            if (beforeSplitEnd <= 0) {
                tailRead = Math.min(tailRead * 2, maxBuffer);
            }
        }
        int n = want <= 0 ? 0 : source.read(filePos, buf, limit, (int) want);
        limit += n;
        eof = n < want || bufStart + limit >= fileLength;
        buf[limit] = LF;
        return true;
    }

    private int capacity() {
        return buf.length - 1 - PAD;
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new FloeIOException("cannot close " + Storage.displayName(path) + ": " + e, e);
        }
    }
}
