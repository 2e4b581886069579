package dev.floe.io.csv;

import dev.floe.io.fs.ByteSource;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Finds where records really begin in a split that starts mid-file, when quoted fields may hold line
 * breaks: the question "is the LF at byte p inside quotes?" depends on every quote before p.
 *
 * <h2>How</h2>
 * The CSV grammar is a small automaton (states below). A split starting at byte {@code S} does not know
 * the automaton's state there, so it runs <em>every</em> state at once as a hypothesis, from byte
 * {@code S - 1} forward, and drops the hypotheses the bytes refute:
 * <ul>
 *   <li>a grammar error: text after a closing quote ({@code "a"x}), a doubled quote when a distinct
 *       escape is in use, or the end of the file inside quotes. The scanner rejects the same inputs, so the
 *       true state of a readable file is never refuted;</li>
 *   <li>a record longer than {@code max_line_size}: the scanner refuses such records too. This is what
 *       refutes "inside quotes" in a stretch of text without quotes, within {@code max_line_size} bytes.</li>
 * </ul>
 * Hypotheses that reach the same state at the same byte with the same first record start are merged.
 * As soon as every surviving hypothesis names the same first record start at or after {@code S}, that is
 * the answer. Typical quoted files decide within a field or two: a wrong guess soon meets a quote
 * followed by text ({@code "x}: inside quotes that quote must close the field, and {@code x} cannot follow)
 * or text followed by a quote ({@code x"}: outside quotes a quote cannot appear inside a field).
 *
 * <p>Two short cuts and a fallback:
 * <ol>
 *   <li>If the {@code max_line_size} bytes from {@code S - 1} on hold no quote byte, the automaton cannot be
 *       inside a quoted field ({@code Q}, {@code ESC}) before byte {@code S - 1}: that field would have to
 *       close at or after {@code S - 1 + max_line_size}, so its record would be longer than the limit. The
 *       states {@code Q} and {@code ESC} are dropped; {@code QE} (a quote just closed) stays, and it agrees
 *       with the states outside quotes or is refuted after one byte. This is the case of files without
 *       quotes, and it reads only the split's own bytes (which the split reads next anyway, from the page
 *       cache or the local block) instead of the end of the previous split. The scan stops at the first
 *       quote it meets, so in a quoted file it costs a few bytes.</li>
 *   <li>Else, if the {@code max_line_size} bytes before {@code S} hold no quote byte, {@code S} cannot be
 *       inside a quoted field either (its record would be longer than the limit): only the states outside
 *       quotes are hypotheses, and they agree after one byte. This backward scan also stops at the first
 *       quote it meets.</li>
 *   <li>If the hypotheses are still undecided {@code 2 * max_line_size} bytes after {@code S}, or all are
 *       refuted (the file is malformed somewhere), the state is computed exactly: one automaton run from
 *       the start of the data. Correct always; slow only for rare, pathological files.</li>
 * </ol>
 *
 * <pre>
 * states: LS record start   FS field start   UQ unquoted field   Q inside quotes
 *         QE after a quote inside quotes (closing, or the first of "")   ESC after the escape byte
 *         CMT in a comment line   ERR refuted
 * </pre>
 * A quote inside an unquoted field ({@code 5'11"}) is an error (RFC 4180), for the scanner as here: with
 * such quotes read as text, a stretch like {@code xx\nyy",1} reads the same inside quotes as outside, and
 * no local scan could tell where records start.
 */
public final class RecordStarts {
    static final int LS = 0, FS = 1, UQ = 2, Q = 3, QE = 4, ESC = 5, CMT = 6, ERR = 7;
    private static final int STATES = 7;
    private static final int OTHER = 0, DELIM = 1, EOL = 2, QUOTE = 3, ESCAPE = 4, COMMENT = 5;
    private static final int CHUNK = 64 << 10;
    private static final int ALL = 0, NOT_IN_FIELD = 1, OUTSIDE = 2;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private final long quoteWord;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordStarts.class);
    private String why = "";

    private final ByteSource source;
    private final long fileLength;
    private final int lineLimit;
    private final byte quote;
    private final boolean comments;
    private final boolean doubling;
    private final byte[] classes = new byte[256];
    private final byte[][] next = new byte[STATES][6];
    private final byte[] chunk;
    private long chunkStart = -1;
    private int chunkLength;
    /** The caller's window (findInto): bytes [windowStart, windowStart + windowLength), read once, never overwritten. */
    private byte[] window;
    private long windowStart = -1;
    private int windowLength;

    private RecordStarts(ByteSource source, long fileLength, Dialect dialect) {
        this.source = source;
        this.fileLength = fileLength;
        this.lineLimit = dialect.maxLineSize();
        this.quote = dialect.quote();
        this.quoteWord = ONES * (quote & 0xFF);
        this.comments = dialect.comment() != 0;
        this.doubling = dialect.doubling();
        this.chunk = new byte[(int) Math.min(CHUNK, Math.max(16, fileLength))];
        classes['\n'] = EOL;
        classes['\r'] = EOL;
        classes[dialect.delimiter() & 0xFF] = DELIM;
        if (!dialect.doubling()) {
            classes[dialect.escape() & 0xFF] = ESCAPE;
        }
        classes[dialect.quote() & 0xFF] = QUOTE;
        if (dialect.comment() != 0) {
            classes[dialect.comment() & 0xFF] = COMMENT;
        }
        int[][] t = {
            //        OTHER DELIM EOL QUOTE ESCAPE COMMENT
            /* LS  */ {UQ, FS, LS, Q, UQ, CMT},
            /* FS  */ {UQ, FS, LS, Q, UQ, UQ},
            /* UQ  */ {UQ, FS, LS, ERR, UQ, UQ},
            /* Q   */ {Q, Q, Q, QE, ESC, Q},
            /* QE  */ {ERR, FS, LS, dialect.doubling() ? Q : ERR, ERR, ERR},
            /* ESC */ {Q, Q, Q, Q, Q, Q},
            /* CMT */ {CMT, CMT, LS, CMT, CMT, CMT},
        };
        for (int s = 0; s < STATES; s++) {
            for (int c = 0; c < 6; c++) {
                next[s][c] = (byte) t[s][c];
            }
        }
    }

    /**
     * The offset of the first record that begins at or after {@code start} (a record begins at
     * {@code dataStart} or right after a record-ending LF or CR), or {@code fileLength} if there is none.
     *
     * @param dataStart where the first record of the file begins (after a byte order mark and skipped
     *                  lines); {@code start > dataStart}
     */
    public static long find(ByteSource source, long fileLength, Dialect dialect, long dataStart, long start)
            throws IOException {
        return start <= dataStart ? dataStart : findInto(source, fileLength, dialect, dataStart, start, null, 0).first();
    }

    /**
     * Where a split's first record begins, and how many bytes of its window the search left in the caller's
     * buffer.
     *
     * @param first       as {@link #find}
     * @param windowBytes bytes {@code [start - 1, start - 1 + windowBytes)} of the file, now in the window
     */
    public record Start(long first, int windowBytes) {
    }

    /**
     * {@link #find} for {@code start > dataStart}, reading the first {@code capacity} bytes from
     * {@code start - 1} into {@code window} (if not null) and leaving them there: the forward quote scan
     * needs them, and the caller parses them next without reading them again.
     */
    public static Start findInto(ByteSource source, long fileLength, Dialect dialect, long dataStart, long start,
            byte[] window, int capacity) throws IOException {
        if (start <= dataStart) {
            throw new IllegalArgumentException("start " + start + " must be after the data start " + dataStart);
        }
        RecordStarts r = new RecordStarts(source, fileLength, dialect);
        long scanEnd = Math.min(fileLength, start - 1 + dialect.maxLineSize());
        int loaded = 0;
        boolean quoteInWindow = false;
        if (window != null && capacity > 0) {
            loaded = source.read(start - 1, window, 0, (int) Math.min(capacity, fileLength - (start - 1)));
            quoteInWindow = r.hasQuote(window, 0, (int) Math.min(loaded, scanEnd - (start - 1)));
            r.window = window;
            r.windowStart = start - 1;
            r.windowLength = loaded;
        }
        int hypotheses;
        if (!quoteInWindow && r.noQuoteIn(start - 1 + loaded, scanEnd)) {
            hypotheses = NOT_IN_FIELD;
        } else if (r.noQuoteBefore(Math.max(dataStart, start - dialect.maxLineSize()), start)) {
            hypotheses = OUTSIDE;
        } else {
            hypotheses = ALL;
        }
        long found = r.speculate(start, hypotheses);
        if (found < 0) {
            log.debug("{}: no local answer where records start after byte {} ({}): reading from byte {}",
                    source.path(), start, r.why, dataStart);
            found = r.exact(dataStart, start);
        }
        return new Start(found, loaded);
    }

    /** True if {@code [from, to)} holds no quote byte; reads forward a chunk at a time, stops at the first quote. */
    private boolean noQuoteIn(long from, long to) throws IOException {
        for (long p = from; p < to; ) {
            load(p, to - p);
            int n = (int) Math.min(chunkLength, to - p);
            if (n <= 0) {
                return true; // the file ended
            }
            if (hasQuote(chunk, 0, n)) {
                return false;
            }
            p += n;
        }
        return true;
    }

    /** True if {@code [from, to)} holds no quote byte; reads backward a chunk at a time (the nearest bytes first). */
    private boolean noQuoteBefore(long from, long to) throws IOException {
        for (long p = to - 1; p >= from; ) {
            long lo = Math.max(from, p - chunk.length + 1);
            load(lo, p - lo + 1);
            if (hasQuote(chunk, 0, (int) (p - chunkStart) + 1)) {
                return false;
            }
            p = lo - 1;
        }
        return true;
    }

    /** Whether {@code b[from, to)} holds the quote byte: eight bytes at a time, then the tail. */
    private boolean hasQuote(byte[] b, int from, int to) {
        int i = from;
        if (MemoryUtil.LITTLE_ENDIAN) {
            for (; i + 8 <= to; i += 8) {
                long x = MemoryUtil.getLong(b, i) ^ quoteWord;
                if (((x - ONES) & ~x & HIGHS) != 0) {
                    return true;
                }
            }
        }
        for (; i < to; i++) {
            if (b[i] == quote) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs every state that {@code hypotheses} allows ({@link #ALL}, {@link #NOT_IN_FIELD}: not inside a
     * quoted field, {@link #OUTSIDE}: outside quotes) as a hypothesis from {@code start - 1}; returns the
     * first record start they agree on, or -1.
     */
    private long speculate(long start, int hypotheses) throws IOException {
        int[] state = new int[STATES];
        long[] last = new long[STATES];
        long[] first = new long[STATES];
        int n = 0;
        for (int s = 0; s < STATES; s++) {
            if ((s == CMT && !comments) || (s == ESC && doubling)) {
                continue; // states this dialect never enters
            }
            if (hypotheses != ALL && (s == Q || s == ESC)) {
                continue; // no quote within max_line_size bytes after or before start - 1: not inside a field
            }
            if (hypotheses == OUTSIDE && s == QE) {
                continue; // no quote in the max_line_size bytes before start: not just after one
            }
            state[n] = s;
            last[n] = start - 1;
            first[n] = -1;
            n++;
        }
        long bound = start + 2L * lineLimit;
        for (long p = start - 1; ; p++) {
            int b = p < fileLength ? byteAt(p) : -1;
            if (b < 0) { // end of the file: inside quotes is refuted; the others own no further record
                int kept = 0;
                long answer = -2;
                for (int h = 0; h < n; h++) {
                    if (state[h] == Q || state[h] == ESC) {
                        continue;
                    }
                    long f = first[h] >= 0 ? first[h] : fileLength;
                    if (answer == -2 || answer == f) {
                        answer = f;
                        kept++;
                    } else {
                        why = "hypotheses disagree at the end of the file: " + Arrays.toString(Arrays.copyOf(first, n));
                        return -1;
                    }
                }
                return kept == 0 ? -1 : answer;
            }
            int c = classes[b];
            int m = 0;
            for (int h = 0; h < n; h++) {
                int from = state[h];
                int to = next[from][c];
                long lastStart = last[h];
                if (to != ERR && from != CMT && c != EOL && p - lastStart >= lineLimit) {
                    to = ERR; // this record would be longer than max_line_size
                }
                if (to == ERR) {
                    continue;
                }
                long f = first[h];
                if (to == LS) {
                    lastStart = p + 1;
                    if (f < 0 && p + 1 >= start) {
                        f = p + 1;
                    }
                }
                // merge with an equal hypothesis
                boolean merged = false;
                for (int k = 0; k < m; k++) {
                    if (state[k] == to && first[k] == f) {
                        last[k] = Math.max(last[k], lastStart);
                        merged = true;
                        break;
                    }
                }
                if (!merged) {
                    state[m] = to;
                    last[m] = lastStart;
                    first[m] = f;
                    m++;
                }
            }
            n = m;
            if (n == 0) {
                why = "every hypothesis refuted at byte " + p;
                return -1;
            }
            long agreed = first[0];
            for (int h = 1; h < n && agreed >= 0; h++) {
                if (first[h] != agreed) {
                    agreed = -1;
                }
            }
            if (agreed >= 0) {
                return agreed;
            }
            if (p > bound) {
                why = "undecided after " + (p - start) + " bytes";
                return -1;
            }
        }
    }

    /** One automaton from the start of the data: always right (the slow path). */
    private long exact(long dataStart, long start) throws IOException {
        int state = LS;
        long lastStart = dataStart;
        for (long p = dataStart; p < fileLength; p++) {
            int b = byteAt(p);
            if (b < 0) {
                break;
            }
            state = next[state][classes[b]];
            if (state == ERR) {
                // a malformed record: the split that owns it reports it
                return lastStart >= start ? lastStart : fileLength;
            }
            if (state == LS) {
                lastStart = p + 1;
                if (p + 1 >= start) {
                    return p + 1;
                }
            }
        }
        return fileLength;
    }

    private int byteAt(long p) throws IOException {
        if (p >= windowStart && p < windowStart + windowLength) {
            return window[(int) (p - windowStart)] & 0xFF;
        }
        if (p < chunkStart || p >= chunkStart + chunkLength) {
            load(p, chunk.length);
            if (chunkLength == 0) {
                return -1;
            }
        }
        return chunk[(int) (p - chunkStart)] & 0xFF;
    }

    /** Reads up to {@code max} bytes (at most a chunk) at {@code p} into the chunk. */
    private void load(long p, long max) throws IOException {
        chunkStart = p;
        chunkLength = source.read(p, chunk, 0, (int) Math.min(Math.min(chunk.length, max), Math.max(0, fileLength - p)));
    }
}
