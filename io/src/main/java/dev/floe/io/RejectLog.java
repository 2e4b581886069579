package dev.floe.io;

import dev.floe.io.csv.Sources;
import dev.floe.io.fs.Storage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bad rows of one read (one dataset's splits, in a query): an exact count, the first {@link #capacity()} of
 * them kept as {@link Reject}s, and the records read, so that a {@code max_rejects} budget (a count or a
 * fraction) applies to the whole read rather than to each split, and not to another read's rows. Every
 * {@link CsvBatchReader} of the read writes to the one log the query gives it ({@link CsvBatchReader#shareRejects});
 * a reader given none keeps a log of its own, for its split.
 *
 * <h2>The fraction budget</h2>
 * {@code max_rejects = 0.01} fails a read when more than 1% of its records are rejected. The outcome must not
 * depend on the order in which splits run, nor on bad rows coming early, so while the read runs it fails only
 * once that is certain: when the rejects so far are more than the budget of every record the read could have,
 * counting the records still to come at their most. Those are bounded by the bytes still to read (a record
 * takes at least two bytes: a character and a line end; one more per unfinished split for a last line without
 * one), which the log knows when it is told the splits it covers ({@link #expect}). Until a compressed or
 * transcoded split (whose decoded length is unknown) ends, and in a log told nothing, there is no bound, and the
 * check waits. When every split expected has been read to its end the bound is zero and the check is exact;
 * {@link #checkFraction(boolean, String) checkFraction(true, ...)} says so for a caller that knows it.
 * A query that stops early (a LIMIT) is so judged only on what is certain.
 *
 * <p>Readers report rows before bytes ({@link #read}), and the check reads what is left before the rows, so
 * that a check racing a report can only see too many records in all, never too few.
 *
 * <p>Thread-safe: readers on any number of threads record into one log at once. Which rejects are kept
 * when there are more than the capacity depends on the order in which the splits ran; {@link #rejects()}
 * returns those kept sorted by file and byte offset.
 */
public final class RejectLog {
    /** The rejects a query keeps by default; past them it only counts. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final AtomicLong rejected = new AtomicLong();
    private final LongAdder rows = new LongAdder();
    private final List<Reject> kept = new ArrayList<>();
    /** The smallest fraction budget of the readers writing here, or -1 for none. */
    private volatile double maxFraction = -1;
    /** What the expected splits still have to read (see the class comment): plain bytes and splits, streams. */
    private final AtomicLong bytesLeft = new AtomicLong();
    private final AtomicLong plainSplitsLeft = new AtomicLong();
    private final AtomicLong streamSplitsLeft = new AtomicLong();
    private volatile boolean expected;
    /**
     * Reads only add, so a fraction check racing them sees too many records, never too few (the class comment);
     * a {@link #retract} subtracts, so checks read their three counts under its read lock and a retract changes
     * them under its write lock.
     */
    private final java.util.concurrent.locks.ReadWriteLock retraction = new java.util.concurrent.locks.ReentrantReadWriteLock();

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

    /**
     * Expects {@code splits}, read with {@code options}, to be read each to its end by readers writing here
     * (call once per scan of them: a self-join reads them twice).
     */
    public void expect(List<FileSplit> splits, CsvOptions options) {
        for (FileSplit split : splits) {
            if (Sources.isStream(split.path(), options)) {
                streamSplitsLeft.incrementAndGet();
            } else {
                bytesLeft.addAndGet(split.length());
                plainSplitsLeft.incrementAndGet();
            }
        }
        expected = true;
    }

    /**
     * A reader read {@code rows} more records cleanly and consumed {@code bytes} more bytes of a plain split
     * (0 for a stream); {@code splitEnded} once, when its split is read to its end.
     */
    public void read(long rows, long bytes, boolean stream, boolean splitEnded) {
        this.rows.add(rows);
        if (!stream) {
            bytesLeft.addAndGet(-bytes);
        }
        if (splitEnded) {
            (stream ? streamSplitsLeft : plainSplitsLeft).decrementAndGet();
        }
    }

    /**
     * Takes back what one reader wrote here, when the task that ran it failed and is run again (its rows and
     * rejects would otherwise count twice, and its kept rejects be listed twice): {@code rows} clean records,
     * {@code bytes} of a plain split, the end of its split if {@code splitEnded}, {@code rejected} rejects, and
     * the {@code kept} ones among them (removed by identity).
     */
    public void retract(long rows, long bytes, boolean stream, boolean splitEnded, long rejected, List<Reject> kept) {
        retraction.writeLock().lock();
        try {
            this.rows.add(-rows);
            if (!stream) {
                bytesLeft.addAndGet(bytes);
            }
            if (splitEnded) {
                (stream ? streamSplitsLeft : plainSplitsLeft).incrementAndGet();
            }
            this.rejected.addAndGet(-rejected);
        } finally {
            retraction.writeLock().unlock();
        }
        if (!kept.isEmpty()) {
            java.util.Set<Reject> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            mine.addAll(kept);
            synchronized (this.kept) {
                this.kept.removeIf(mine::contains);
            }
        }
    }

    /** The most records the expected splits can still hold, or -1 when unknown (nothing expected, or a stream left). */
    private long recordsLeft() {
        if (!expected || streamSplitsLeft.get() > 0) {
            return -1;
        }
        long splits = Math.max(0, plainSplitsLeft.get());
        return splits == 0 ? 0 : Math.max(0, bytesLeft.get()) / 2 + splits;
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
     * Fails if the rejects are more than the fraction budget: of the records so far when {@code finished} (the
     * caller knows everything was read); else of every record the read could have (see the class comment), so
     * only when that is certain. Does nothing without a fraction budget.
     *
     * @param where the file being read (or the read's glob), for the message, or null
     * @throws CsvFormatException naming the counts, the fraction and the option
     */
    public void checkFraction(boolean finished, String where) {
        double max = maxFraction;
        if (max < 0) {
            return;
        }
        long left;
        long bad;
        long total;
        retraction.readLock().lock();   // a retract takes back rows, bytes and rejects at once: never half of it
        try {
            left = finished ? 0 : recordsLeft(); // before the counts: see the class comment
            bad = rejected.get();
            total = rows.sum() + bad;
        } finally {
            retraction.readLock().unlock();
        }
        if (bad == 0 || left < 0 || !over(bad, total + left, max)) {
            return;
        }
        String stopped = where == null ? "" : " while reading " + Storage.displayName(where);
        String message = left == 0
                ? String.format(Locale.ROOT, "%,d of %,d rows rejected (%.4g%%), more than max_rejects = %s (%s%%) of"
                        + " the rows the query read; the query stopped%s", bad, total, 100.0 * bad / total, show(max),
                        percent(max), stopped)
                : String.format(Locale.ROOT, "%,d of %,d rows rejected so far, more than max_rejects = %s (%s%%) of"
                        + " all the rows read even if the at most %,d rows still to read are good; the query stopped%s",
                        bad, total, show(max), percent(max), left, stopped);
        throw new CsvFormatException(where, -1, -1, null, null, message
                + ". Fix the files, raise max_rejects, or give a count instead (max_rejects = 1000)", false);
    }

    /** Fails if the rejects are more than the fraction budget of every record the read could have (see above). */
    public void checkFraction(String where) {
        checkFraction(false, where);
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
