package dev.floe.io;

import dev.floe.io.fs.Storage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bad rows of one query: an exact count, the first {@link #capacity()} of them kept as {@link Reject}s,
 * and the records read, so that a {@code max_rejects} budget (a count or a fraction) applies to the whole
 * query rather than to each split. Every {@link CsvBatchReader} of a query writes to the one log the query
 * gives it ({@link CsvBatchReader#shareRejects}); a reader given none keeps a log of its own.
 *
 * <h2>The fraction budget</h2>
 * {@code max_rejects = 0.01} fails the query when more than 1% of the records read so far were rejected,
 * across all of its splits. It is checked as the query runs, after each batch of each split, once the query
 * has read at least {@link #RUNNING_CHECK_RECORDS} records (so that the first bad row of a query is not
 * "100% of the rows"); and on the final totals when the query has read everything
 * ({@link #checkFraction(boolean) checkFraction(true)}, called by whoever knows that: the query, or a
 * reader that owns its log when its split ends).
 *
 * <p>Thread-safe: readers on any number of threads record into one log at once. Which rejects are kept
 * when there are more than the capacity depends on the order in which the splits ran; {@link #rejects()}
 * returns those kept sorted by file and byte offset.
 */
public final class RejectLog {
    /** The rejects a query keeps by default; past them it only counts. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** Records a query reads before a fraction budget is checked while it runs. */
    public static final long RUNNING_CHECK_RECORDS = 10_000;

    private final int capacity;
    private final AtomicLong rejected = new AtomicLong();
    private final LongAdder rows = new LongAdder();
    private final List<Reject> kept = new ArrayList<>();
    /** The smallest fraction budget of the readers writing here, or -1 for none. */
    private volatile double maxFraction = -1;

    public RejectLog() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many rejects to keep (the count stays exact past them) */
    public RejectLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Counts one rejected row and keeps {@code reject} if it is not null and there is room; returns the new count. */
    public long reject(Reject reject) {
        if (reject != null) {
            synchronized (kept) {
                if (kept.size() < capacity) {
                    kept.add(reject);
                }
            }
        }
        return rejected.incrementAndGet();
    }

    /** Whether another reject would be kept (so that a reader need not build one that would be dropped). */
    public boolean hasRoom() {
        synchronized (kept) {
            return kept.size() < capacity;
        }
    }

    /** Counts {@code n} more records read cleanly. */
    public void rowsRead(long n) {
        rows.add(n);
    }

    /** Asks for a fraction budget: the smallest asked for applies. */
    public void limitFraction(double fraction) {
        if (fraction < 0) {
            return;
        }
        synchronized (this) {
            if (maxFraction < 0 || fraction < maxFraction) {
                maxFraction = fraction;
            }
        }
    }

    /** Rows rejected so far: exact. */
    public long rejected() {
        return rejected.get();
    }

    /** Records read cleanly so far. */
    public long rowsRead() {
        return rows.sum();
    }

    /** The rejects kept, at most {@link #capacity()}, sorted by file and byte offset. */
    public List<Reject> rejects() {
        List<Reject> copy;
        synchronized (kept) {
            copy = new ArrayList<>(kept);
        }
        copy.sort(Comparator.comparing(Reject::file).thenComparingLong(Reject::byteOffset));
        return List.copyOf(copy);
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Fails if more than the fraction budget of the records so far were rejected: while the query runs
     * ({@code finished} false) only once it has read {@link #RUNNING_CHECK_RECORDS} records; at its end on any
     * number. Does nothing without a fraction budget.
     *
     * @param where the file being read, for the message, or null
     * @throws CsvFormatException naming the counts, the fraction and the option
     */
    public void checkFraction(boolean finished, String where) {
        double max = maxFraction;
        if (max < 0) {
            return;
        }
        long bad = rejected.get();
        long total = rows.sum() + bad;
        if (bad == 0 || (!finished && total < RUNNING_CHECK_RECORDS) || !over(bad, total, max)) {
            return;
        }
        String message = String.format(Locale.ROOT, "%,d of %,d rows rejected%s (%.4g%%), more than max_rejects = %s"
                + " (%s%%) of the rows the query %s; the query stopped%s. Fix the files, raise max_rejects, or give"
                + " a count instead (max_rejects = 1000)", bad, total, finished ? "" : " so far", 100.0 * bad / total,
                show(max), percent(max), finished ? "read" : "has read", where == null ? ""
                        : " while reading " + Storage.displayName(where));
        throw new CsvFormatException(where, -1, -1, null, null, message, false);
    }

    /** {@link #checkFraction(boolean, String)} without a file. */
    public void checkFraction(boolean finished) {
        checkFraction(finished, null);
    }

    /**
     * Whether {@code bad} of {@code total} is more than {@code max} of it, exactly as the user wrote {@code max}
     * (its shortest decimal): {@code 0.29 * 100} is 28.999999999999996 in binary, which would fail 29 of 100.
     */
    private static boolean over(long bad, long total, double max) {
        return BigDecimal.valueOf(bad).compareTo(BigDecimal.valueOf(max).multiply(BigDecimal.valueOf(total))) > 0;
    }

    /** {@code max} as a percentage, in the user's decimal digits: 0.07 is 7, not 7.000000000000001. */
    private static String percent(double max) {
        return BigDecimal.valueOf(max).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String show(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        int n;
        synchronized (kept) {
            n = kept.size();
        }
        return "RejectLog[" + rejected() + " rejected of " + (rowsRead() + rejected()) + " records, " + n + " kept]";
    }
}
