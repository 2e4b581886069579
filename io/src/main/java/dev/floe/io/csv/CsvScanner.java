package dev.floe.io.csv;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.io.FileSplit;
import dev.floe.io.FloeIOException;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * The byte-level CSV scanner of one split: finds records and fields in large buffers and parses each
 * field straight into its Arrow vector (or skips it, or feeds it to a {@link TypeSampler}).
 *
 * <h2>The split rule</h2>
 *
 * A split {@code [start, start + length)} owns every record that <em>begins</em> in that range. A record
 * begins at byte 0 or right after a record-ending LF. So a split
 * <ul>
 *   <li>with {@code start > 0} skips the partial record at its start: it looks for the first LF at or
 *       after {@code start - 1}, and its first record begins right after it (if that is still before
 *       its end; otherwise the split owns no record);</li>
 *   <li>reads on past its end to finish the record that crosses it, and stops at the first record
 *       that begins at or after its end (that record belongs to the next split);</li>
 *   <li>skips the header line only if {@code start == 0}.</li>
 * </ul>
 * Every record is therefore read by exactly one split, whatever the block size. Worked examples, on the
 * 12-byte file {@code "a,b\n1,2\n3,4\n"} (header {@code a,b} at bytes 0-3, {@code 1,2} at 4-7,
 * {@code 3,4} at 8-11):
 * <pre>
 *  split [0, 5)   starts at 0: skips the header, record "1,2" begins at 4 &lt; 5: reads it (to byte 7);
 *                 record "3,4" begins at 8 &gt;= 5: stops.                       -&gt; 1,2
 *  split [5, 10)  byte 4 is not LF; the first LF at or after 4 is at 7, so its first record begins
 *                 at 8 &lt; 10: reads "3,4" (to byte 11); the next would begin at 12: stops.   -&gt; 3,4
 *  split [10, 12) the first LF at or after 9 is at 11; the next record would begin at 12 &gt;= 12. -&gt; nothing
 *  split [4, 8)   byte 3 is LF, so its first record begins at 4: reads "1,2"; 8 &gt;= 8: stops. -&gt; 1,2
 *  split [8, 9)   byte 7 is LF: reads "3,4", which begins at 8 and crosses the end at 9.   -&gt; 3,4
 *  block size 1:  splits [0,1) .. [11,12); only [0,1), [4,5) and [8,9) own a record.
 * </pre>
 * Lines end at LF; a CR before the LF is dropped (CRLF files). An empty line is skipped. The last record
 * of a file may lack its LF. Quoted fields ({@code "a, ""b"""}) may hold delimiters, doubled quotes and
 * line breaks: within a split the scanner follows quotes across lines. Finding the first record of a
 * split that starts inside a quoted line break needs the quote parity from the file start (issue #3):
 * that is the job of {@link #findFirstRecord()}, which today assumes no quoted line break crosses a
 * split start. Until it knows better, the dataset reads a file in which sampling saw a quoted line break
 * as one split.
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
 * are compared with the delimiter and LF at once; the sentinel stops it at the end of the data). A record is parsed in one go; if it runs into the end of the buffer before the end of
 * the file, parsing returns {@code NEED_MORE}, the unconsumed bytes move to the front (the buffer doubles
 * if one record fills it), more bytes are read, and the record is parsed again from its start: values
 * already written for that row are simply overwritten (the row is not counted until it completes).
 *
 * <h2>Values</h2>
 * An empty unquoted field is NULL. A quoted empty field is the empty string for a STRING column and NULL
 * for other types. Values are parsed by {@link ValueParsers} from the byte slice; a value that does not
 * parse throws a {@link dev.floe.io.CsvFormatException} naming file, line, column and text.
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

    private static final int NEED_MORE = -1;
    /** Bytes after the sentinel, so that an 8-byte word read at any position up to the sentinel stays inside buf. */
    private static final int PAD = 8;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LF_WORD = ONES * '\n';
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
    private final byte delimiter;
    private final byte quote;
    private final boolean header;
    private final int columns;
    private final int[] kinds;
    private final long delimiterWord;
    private final VectorSink sink;
    private boolean bound;
    private final int maxBuffer;
    private TypeSampler sampler;
    private CsvErrors errors;
    private final String[] names;
    private boolean[] declared;

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

    private byte[] scratch = new byte[256];
    private byte[] quotedArray;
    private int quotedStart;
    private int quotedEnd;

    /**
     * @param source    the split's file, owned (and closed) by this scanner
     * @param names     the file's column names, in file order
     * @param maxBuffer the largest read buffer in bytes (a record longer than that still fits: the buffer grows)
     */
    public CsvScanner(ByteSource source, FileSplit split, char delimiter, char quote, boolean header,
            String[] names, int maxBuffer) {
        this.source = requireNonNull(source, "source is null");
        this.path = split.path();
        this.splitStart = split.start();
        this.splitEnd = split.end();
        this.fileLength = split.fileLength();
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.header = header;
        this.names = requireNonNull(names, "names is null").clone();
        this.columns = names.length;
        this.kinds = new int[columns];
        this.delimiterWord = ONES * (this.delimiter & 0xFF);
        this.sink = new VectorSink(columns);
        this.maxBuffer = maxBuffer;
        long wanted = Math.max(MIN_READ, split.length() + MIN_READ);
        this.buf = new byte[(int) Math.min(maxBuffer, Math.min(wanted, fileLength - splitStart + MIN_READ)) + 1 + PAD];
        if (columns == 0) {
            throw new IllegalArgumentException("a CSV file needs at least one column");
        }
    }

    /** Parses column {@code column} into {@code vector}, whose type must match {@code type}. */
    public void bind(int column, FloeType type, FieldVector vector) {
        kinds[column] = kindOf(type);
        sink.bind(column, vector);
        bound = true;
    }

    /** Feeds every column to {@code sampler} instead of vectors. */
    public void sampleInto(TypeSampler sampler) {
        this.sampler = requireNonNull(sampler, "sampler is null");
        Arrays.fill(kinds, INFER);
    }

    /** Marks which columns had user-declared types (error messages differ). */
    public void declared(boolean[] declared) {
        this.declared = declared.clone();
    }

    public static int kindOf(FloeType type) {
        switch (type) {
            case INT64: return INT64;
            case FLOAT64: return FLOAT64;
            case STRING: return STRING;
            case TIMESTAMP: return TIMESTAMP;
            case DATE: return DATE;
            case BOOLEAN: return BOOLEAN;
            default: throw new IllegalArgumentException("cannot read CSV as " + type);
        }
    }

    /** Records read so far. */
    public long rows() {
        return rows;
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
                findFirstRecord();
                positioned = true;
                firstRecord = splitStart == 0 ? 0 : bufStart + pos;
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
                if (first == LF || (first == CR && buf[pos + 1] == LF)) {
                    if (first == CR && pos + 1 == limit && !eof) {
                        refill();
                        continue;
                    }
                    pos = Math.min(pos + (first == CR ? 2 : 1), limit);
                    continue;
                }
                int next = parseRecord(pos, row);
                if (next == NEED_MORE) {
                    if (!refill()) {
                        throw new IllegalStateException("record at byte " + position() + " of " + path
                                + " needs more bytes but the file ended");
                    }
                    continue;
                }
                pos = next;
                row++;
            }
            rows += row;
            if (bound) {
                sink.end(row);
            }
            return row;
        } catch (IOException e) {
            throw new FloeIOException("cannot read " + Storage.displayName(path) + " at byte " + position() + ": " + e, e);
        }
    }

    /** Positions {@code pos} at the first record this split owns (see the split rule). */
    private void findFirstRecord() throws IOException {
        if (splitStart == 0) {
            bufStart = 0;
            refill();
            if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                pos = 3;
            }
            if (header) {
                skipRecord();
            }
            return;
        }
        bufStart = splitStart - 1;
        refill();
        while (true) {
            int p = pos;
            while (buf[p] != LF) {
                p++;
            }
            if (p < limit) {
                pos = p + 1;
                return;
            }
            pos = limit;
            if (!refill()) {
                finished = true;
                return;
            }
        }
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

    /** Scans one record of any number of fields without storing; returns the position after it. */
    private int skipFields(int p) {
        final byte[] b = buf;
        while (true) {
            if (b[p] == quote) {
                p = scanQuoted(p, 0, false);
                if (p == NEED_MORE) {
                    return NEED_MORE;
                }
            } else {
                p = fieldEnd(b, p);
                if (p == limit && !eof) {
                    return NEED_MORE;
                }
            }
            if (b[p] == delimiter) {
                p++;
            } else {
                return p == limit ? limit : p + 1;
            }
        }
    }

    /**
     * Parses the record starting at {@code start} into row {@code row}. Returns the position after its
     * line end, or NEED_MORE if the buffer ends before the record does.
     */
    private int parseRecord(int start, int row) {
        final byte[] b = buf;
        final byte d = delimiter;
        final int last = columns - 1;
        int p = start;
        for (int c = 0; ; c++) {
            int s = p;
            if (b[p] == quote) {
                p = scanQuoted(p, c, true);
                if (p == NEED_MORE) {
                    return NEED_MORE;
                }
                store(c, row, quotedArray, quotedStart, quotedEnd, true, s);
            } else {
                int kind = kinds[c];
                int end = kind == FLOAT64 || kind == INT64 ? tryNumber(b, p, c, row, kind == INT64) : -1;
                if (end >= 0) {
                    p = end;
                } else {
                    p = fieldEnd(b, p);
                    if (p == limit && !eof) {
                        return NEED_MORE;
                    }
                    int e = p;
                    if (e > s && b[e - 1] == CR && b[p] == LF) {
                        e--;
                    }
                    store(c, row, b, s, e, false, s);
                }
            }
            if (b[p] == d) {
                if (c == last) {
                    throw errors().fieldCount(columns, true, b, start, limit, bufStart + start);
                }
                p++;
            } else {
                if (c != last) {
                    throw errors().fieldCount(c + 1, false, b, start, limit, bufStart + start);
                }
                return p == limit ? limit : p + 1;
            }
        }
    }

    /**
     * The fast path of numbers: parses {@code [-]digits} (or {@code [-]digits[.digits]} for a double) while
     * scanning for the field's end, writes the value and returns the end; or returns -1 if the field is
     * anything else (empty, long, exponent, CR, not a number, or cut by the end of the buffer), which the
     * general path then handles. Same arithmetic as {@link ValueParsers#parseDouble}: bit-exact.
     */
    private int tryNumber(byte[] b, int p, int c, int row, boolean integer) {
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
        if ((t != delimiter && t != LF) || digits == 0 || digits > 18 || (q == limit && !eof)) {
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

    /** The position of the first delimiter or LF at or after {@code p} (the sentinel LF bounds it). */
    private int fieldEnd(byte[] b, int p) {
        if (SWAR) {
            while (true) {
                long word = MemoryUtil.getLong(b, p);
                long x = word ^ delimiterWord;
                long y = word ^ LF_WORD;
                long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
                if (found != 0) {
                    return p + (Long.numberOfTrailingZeros(found) >>> 3);
                }
                p += 8;
            }
        }
        byte x;
        while ((x = b[p]) != delimiter && x != LF) {
            p++;
        }
        return p;
    }

    /**
     * Scans the quoted field whose opening quote is at {@code p}. Returns the position of the byte that
     * ends the field (delimiter, LF, or the sentinel at the end of the file), or NEED_MORE. With
     * {@code capture}, sets quotedArray/Start/End to the unescaped value (in buf, or in scratch when it
     * held doubled quotes).
     */
    private int scanQuoted(int p, int column, boolean capture) {
        final byte[] b = buf;
        final byte q = quote;
        final int lim = limit;
        int start = p + 1;
        int i = start;
        boolean escaped = false;
        while (true) {
            while (i < lim && b[i] != q) {
                i++;
            }
            if (i >= lim) {
                if (eof) {
                    throw errors().unterminatedQuote(column, (char) q, b, p, lim, bufStart + p);
                }
                return NEED_MORE;
            }
            if (i + 1 == lim && !eof) {
                return NEED_MORE;
            }
            if (b[i + 1] == q && i + 1 < lim) {
                escaped = true;
                i += 2;
                continue;
            }
            break;
        }
        int close = i;
        int after = i + 1;
        if (b[after] == CR && after < lim && b[after + 1] == LF) {
            after++;
        }
        if (after == lim && !eof) {
            return NEED_MORE;
        }
        if (b[after] != delimiter && b[after] != LF) {
            throw errors().afterQuote(column, (char) q, b, p, lim, bufStart + p);
        }
        if (sampler != null && !noteLineBreak(b, start, close)) {
            sampler.quotedLineBreak();
        }
        if (capture) {
            if (escaped) {
                unescape(b, start, close, q);
            } else {
                quotedArray = b;
                quotedStart = start;
                quotedEnd = close;
            }
        }
        return after;
    }

    /** True if {@code b[s, e)} holds no LF (sampling only: the dataset needs to know about quoted line breaks). */
    private static boolean noteLineBreak(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == LF) {
                return false;
            }
        }
        return true;
    }

    private void unescape(byte[] b, int start, int end, byte q) {
        if (scratch.length < end - start) {
            scratch = new byte[Math.max(end - start, scratch.length * 2)];
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            scratch[n++] = b[i];
            if (b[i] == q) {
                i++;
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
        if (kind == STRING) {
            if (e == s && !quoted) {
                sink.putNull(c, row);
            } else {
                sink.putString(c, row, a, s, e - s);
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
                    sink.putLong(c, row, ValueParsers.parseTimestampMicros(a, s, e, true));
                    break;
                case DATE:
                    sink.putInt(c, row, ValueParsers.parseDateDays(a, s, e));
                    break;
                case BOOLEAN:
                    sink.putBoolean(c, row, ValueParsers.parseBoolean(a, s, e));
                    break;
                case INFER:
                    sampler.observe(c, a, s, e);
                    break;
                default:
                    throw new IllegalStateException("unknown column kind " + kind + " of column " + c);
            }
        } catch (ParseFailure f) {
            throw errors().badValue(c, typeOf(kind), a, s, e, bufStart + fieldPos);
        }
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
        return errors;
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
