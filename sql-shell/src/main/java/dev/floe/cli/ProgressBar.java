package dev.floe.cli;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.ProgressSnapshot;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for a {@link dev.floe.scheduler.Computation}, redrawn in place with a
 * carriage return on standard error and erased when the computation ends:
 *
 * <pre>
 * [===>      ] 12/40 tasks  1.2M rows  310 MB  250 MB/s  00:03 elapsed  ETA 00:07
 * </pre>
 *
 * <p>It draws only when attached to a terminal ({@code System.console() != null}; the test
 * constructor takes a flag), at most once per {@link #REDRAW_INTERVAL_NANOS} (events arrive once per
 * batch from every worker, far more often than a terminal can show). Between events a {@link Ticker}
 * redraws it every {@link #TICK_INTERVAL_MILLIS} from {@code started} to {@code done}, so that during
 * one long task (a big join) the elapsed time, the rows and bytes reported so far and the rate still
 * move; the ticker is stopped in {@code done}, before the line is erased, and never started when the
 * bar does not draw. Rows, bytes and the rate appear once a task has
 * reported some ({@link dev.floe.scheduler.TaskContext#reportProgress}). The ETA extrapolates from
 * tasks done versus total. Thread-safe: every event is handled under the bar's monitor.
 *
 * <p>Use: {@code scheduler.submit(graph, outputs, new ProgressBar(System.err))}. One bar per computation.
 */
public final class ProgressBar implements ProgressListener {

    /** At most ten redraws a second. */
    public static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    /** The redraw period between events. */
    public static final long TICK_INTERVAL_MILLIS = 200;
    static final int WIDTH = 10;

    /** Calls a task periodically until the returned handle is closed. */
    @FunctionalInterface
    public interface Ticker {
        /** Runs {@code tick} every {@code millis} milliseconds (first after one period) until {@code close()}. */
        AutoCloseable every(long millis, Runnable tick);

        /** Never ticks: the bar redraws only on events. */
        Ticker NONE = (millis, tick) -> () -> { };

        /** One shared daemon thread ({@code floe-progress}) for every bar of the JVM. */
        Ticker DAEMON = (millis, tick) -> {
            ScheduledFuture<?> f = DaemonTimer.TIMER.scheduleAtFixedRate(tick, millis, millis, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }

    /** Holder of the shared timer thread, created on first use. */
    private static final class DaemonTimer {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "floe-progress");
            t.setDaemon(true);
            return t;
        });
    }

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier clock;
    private final Ticker ticker;

    // guarded by this
    private long startNanos;
    private boolean started;
    private int tasksTotal;
    private int tasksDone;
    private long rows;
    private long bytes;
    private long lastDrawNanos;
    private int lastLength;
    private boolean ended;
    private AutoCloseable ticking;

    /**
     * Draws on {@code out} (normally {@code System.err}) if the JVM has a console, redrawn by the
     * shared daemon timer between events.
     */
    public ProgressBar(PrintStream out) {
        this(out, System.console() != null, System::nanoTime, Ticker.DAEMON);
    }

    /** As {@link #ProgressBar(PrintStream, boolean, LongSupplier, Ticker)} without a ticker: redrawn on events only. */
    public ProgressBar(PrintStream out, boolean enabled, LongSupplier clock) {
        this(out, enabled, clock, Ticker.NONE);
    }

    /**
     * @param enabled whether to draw at all (as if attached to a terminal)
     * @param clock   nanoseconds, as {@link System#nanoTime()}
     * @param ticker  what redraws the bar between events while the computation runs
     */
    public ProgressBar(PrintStream out, boolean enabled, LongSupplier clock, Ticker ticker) {
        this.out = requireNonNull(out, "out is null");
        this.enabled = enabled;
        this.clock = requireNonNull(clock, "clock is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
    }

    @Override
    public synchronized void started(ProgressSnapshot snapshot) {
        started = true;
        startNanos = clock.getAsLong() - snapshot.elapsedNanos();
        tasksTotal = snapshot.tasksTotal();
        tasksDone = snapshot.tasksDone();
        rows = snapshot.rows();
        bytes = snapshot.bytes();
        draw(true);
        if (enabled && !ended && ticking == null) {
            ticking = ticker.every(TICK_INTERVAL_MILLIS, this::tick);
        }
    }

    /** A timer's redraw: the same line with the time moved on (subject to the redraw limit). */
    synchronized void tick() {
        draw(false);
    }

    @Override
    public synchronized void progress(long rowsDelta, long bytesDelta) {
        rows += rowsDelta;
        bytes += bytesDelta;
        draw(false);
    }

    @Override
    public synchronized void taskFinished(String key, String kind, long nanos) {
        tasksDone++;
        draw(false);
    }

    /** Erases the line, so that the result or the error message starts on a clean line. */
    @Override
    public synchronized void done(boolean success) {
        ended = true;
        stopTicking();
        if (enabled && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    private void stopTicking() {
        if (ticking != null) {
            try {
                ticking.close();
            } catch (Exception e) {
                // a ticker that cannot stop still finds the bar ended: it draws nothing more
            }
            ticking = null;
        }
    }

    private void draw(boolean force) {
        if (!enabled || !started || ended) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && lastLength > 0 && now - lastDrawNanos < REDRAW_INTERVAL_NANOS) {
            return;
        }
        lastDrawNanos = now;
        String line = render(now);
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        lastLength = line.length();
    }

    /** The line as it would be drawn at {@code now}. */
    synchronized String render(long now) {
        long elapsed = Math.max(0, now - startNanos);
        StringBuilder line = new StringBuilder(96);
        line.append(bar(tasksTotal == 0 ? 1.0 : (double) tasksDone / tasksTotal));
        line.append(' ').append(tasksDone).append('/').append(tasksTotal).append(" tasks");
        if (rows != 0 || bytes != 0) {
            line.append("  ").append(count(rows)).append(" rows");
            line.append("  ").append(bytes(bytes));
            double seconds = elapsed / 1e9;
            line.append("  ").append(bytes(seconds <= 0 ? 0 : (long) (bytes / seconds))).append("/s");
        }
        line.append("  ").append(clockTime(elapsed)).append(" elapsed");
        long eta = ProgressSnapshot.estimateEta(tasksDone, tasksTotal, elapsed);
        line.append("  ETA ").append(eta < 0 ? "--:--" : clockTime(eta));
        return line.toString();
    }

    /** "[===>      ]" for 0.3. */
    static String bar(double fraction) {
        int filled = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * WIDTH);
        if (filled == WIDTH) {
            return "[" + "=".repeat(WIDTH) + "]";
        }
        return "[" + "=".repeat(filled) + ">" + " ".repeat(WIDTH - filled - 1) + "]";
    }

    /** "950", "12k", "1.2M": three significant figures at most. */
    static String count(long n) {
        return scaled(n, new String[] {"", "k", "M", "G", "T"}, "");
    }

    /** "950 B", "12 kB", "310 MB", "1.2 GB" (decimal units). */
    static String bytes(long n) {
        return scaled(n, new String[] {"B", "kB", "MB", "GB", "TB"}, " ");
    }

    private static String scaled(long n, String[] units, String space) {
        double value = Math.max(0, n);
        int unit = 0;
        while (value >= 999.5 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = unit == 0 ? Long.toString(Math.max(0, n))
                : value < 9.95 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
        return number + space + units[unit];
    }

    /** "00:03", "12:07", "1:02:03". */
    static String clockTime(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%02d:%02d", m, s);
    }
}
