package dev.floe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.scheduler.Computation;
import dev.floe.scheduler.ProgressSnapshot;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.TaskGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bar's line, its rate limit and its erasure, on a fake clock. */
class ProgressBarTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * S);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersTheWholeLine() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.started(new ProgressSnapshot(0, 40, 0, 0, 0, 0, -1));
        for (int i = 0; i < 12; i++) {
            bar.taskFinished("chunk-" + i, "chunk", 1);
        }
        bar.progress(1_200_000, 310_000_000);
        clock.addAndGet(3 * S);
        // 12 of 40 after 3 s: 28 left at 4 tasks/s is 7 s; 310 MB in 3 s is 103 MB/s
        assertEquals("[===>      ] 12/40 tasks  1.2M rows  310 MB  103 MB/s  00:03 elapsed  ETA 00:07",
                bar.render(clock.get()));
    }

    @Test
    void withoutReportedRowsOnlyTasksAndTimesAreShown() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.started(new ProgressSnapshot(0, 3, 0, 0, 0, 0, -1));
        assertEquals("[>         ] 0/3 tasks  00:00 elapsed  ETA --:--", bar.render(clock.get()));
        bar.taskFinished("a", "chunk", 1);
        bar.taskFinished("b", "chunk", 1);
        bar.taskFinished("c", "chunk", 1);
        assertEquals("[==========] 3/3 tasks  01:01 elapsed  ETA 00:00", bar.render(clock.get() + 61 * S));
    }

    @Test
    void redrawsAtMostTenTimesASecondWithCarriageReturnsAndErasesAtTheEnd() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.started(new ProgressSnapshot(0, 4, 0, 0, 0, 0, -1));
        String first = "\r[>         ] 0/4 tasks  00:00 elapsed  ETA --:--";
        assertEquals(first, written());

        clock.addAndGet(50 * MS);
        bar.taskFinished("a", "chunk", 1); // 50 ms after the last draw: skipped
        assertEquals(first, written());

        clock.addAndGet(60 * MS);
        bar.progress(5, 2_000); // 110 ms: drawn, with the task counted above
        String second = "\r[==>       ] 1/4 tasks  5 rows  2.0 kB  18 kB/s  00:00 elapsed  ETA 00:00";
        assertEquals(first + second, written());

        for (int i = 0; i < 1_000; i++) {
            bar.progress(1, 1); // a burst of batches within the same instant: nothing drawn
        }
        assertEquals(first + second, written());

        clock.addAndGet(2 * S);
        bar.taskFinished("b", "chunk", 1);
        String third = "\r[=====>    ] 2/4 tasks  1.0k rows  3.0 kB  1.4 kB/s  00:02 elapsed  ETA 00:02";
        assertEquals(first + second + third, written());

        bar.done(true);
        assertEquals(first + second + third + "\r" + " ".repeat(third.length() - 1) + "\r", written());
        bar.taskFinished("c", "chunk", 1);
        clock.addAndGet(S);
        bar.progress(1, 1);
        assertEquals(first + second + third + "\r" + " ".repeat(third.length() - 1) + "\r", written(),
                "nothing after done");
    }

    @Test
    void aShorterLineIsPaddedToEraseTheLongerOne() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.started(new ProgressSnapshot(0, 2, 0, 1_000_000, 1_000_000_000, 0, -1));
        String first = written();
        bytes.reset();
        clock.addAndGet(10 * 3600 * S); // the rate falls from "∞" to a short number; the clock widens
        bar.taskFinished("a", "chunk", 1);
        String second = written();
        assertTrue(second.startsWith("\r[=====>    ] 1/2 tasks  1.0M rows  1.0 GB  28 kB/s  10:00:00 elapsed  ETA 10:00:00"),
                second);
        assertTrue(second.length() >= first.length(), first + " / " + second);
    }

    @Test
    void drawsNothingWhenNotOnATerminal() {
        ProgressBar bar = new ProgressBar(out, false, clock::get);
        bar.started(new ProgressSnapshot(0, 2, 0, 0, 0, 0, -1));
        bar.progress(1, 1);
        bar.taskFinished("a", "chunk", 1);
        bar.done(true);
        assertEquals("", written());
    }

    @Test
    void formatsNumbersAndTimes() {
        assertEquals("[>         ]", ProgressBar.bar(0.0));
        assertEquals("[===>      ]", ProgressBar.bar(0.3));
        assertEquals("[=========>]", ProgressBar.bar(0.99));
        assertEquals("[==========]", ProgressBar.bar(1.0));
        assertEquals("950", ProgressBar.count(950));
        assertEquals("999", ProgressBar.count(999));
        assertEquals("1.0k", ProgressBar.count(1_000));
        assertEquals("1.0M", ProgressBar.count(999_500));
        assertEquals("1.2M", ProgressBar.count(1_234_567));
        assertEquals("12k", ProgressBar.count(12_345));
        assertEquals("999 B", ProgressBar.bytes(999));
        assertEquals("310 MB", ProgressBar.bytes(310_000_000));
        assertEquals("2.5 GB", ProgressBar.bytes(2_500_000_000L));
        assertEquals("00:03", ProgressBar.clockTime(3 * S + 999 * MS));
        assertEquals("12:07", ProgressBar.clockTime(727 * S));
        assertEquals("1:02:03", ProgressBar.clockTime(3723 * S));
    }

    @Test
    void followsARealComputationToTheEnd() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        TaskGraph.Builder builder = TaskGraph.builder();
        for (int i = 0; i < 5; i++) {
            builder.add("chunk-" + i, List.of(), (context, inputs) -> {
                context.reportProgress(100, 1_000);
                clock.addAndGet(200 * MS);
                return 1L;
            });
        }
        builder.add("total", List.of("chunk-0", "chunk-1", "chunk-2", "chunk-3", "chunk-4"),
                (context, inputs) -> (long) inputs.size());
        Computation computation = Scheduler.synchronous().submit(builder.build(), List.of("total"), bar);
        assertEquals(5L, computation.get().get("total"));
        // frames: the start, then one per chunk (the fake clock moves 200 ms per chunk, past the
        // 100 ms limit); "total" finishes in the same instant as chunk-4, so it is not drawn; then the erase
        String[] frames = written().split("\r", -1);
        assertEquals("", frames[0]);
        assertEquals("[>         ] 0/6 tasks  00:00 elapsed  ETA --:--", frames[1]);
        String[] bars = {"[=>        ]", "[===>      ]", "[=====>    ]", "[======>   ]", "[========> ]"};
        for (int done = 1; done <= 5; done++) {
            String frame = frames[1 + done];
            String expected = java.util.regex.Pattern.quote(bars[done - 1] + " " + done + "/6 tasks  " + done * 100
                    + " rows  " + done + ".0 kB  ") + "[45]\\.[0-9] kB/s  00:0[01] elapsed  ETA 00:0[01]";
            assertTrue(frame.matches(expected), "frame " + done + ": '" + frame + "' does not match " + expected);
        }
        assertEquals(" ".repeat(frames[6].length()), frames[7], "the last line erased");
        assertEquals("", frames[8]);
        assertEquals(9, frames.length);
    }

    /** A ticker the test fires by hand, remembering whether it was stopped. */
    private static final class ManualTicker implements ProgressBar.Ticker {
        Runnable tick;
        long millis;
        int started;
        boolean stopped;

        @Override
        public AutoCloseable every(long millis, Runnable tick) {
            this.millis = millis;
            this.tick = tick;
            started++;
            return () -> stopped = true;
        }
    }

    @Test
    void aTimerRedrawsDuringOneLongTaskAndStopsAtTheEnd() {
        ManualTicker ticker = new ManualTicker();
        ProgressBar bar = new ProgressBar(out, true, clock::get, ticker);
        bar.started(new ProgressSnapshot(2, 5, 1, 0, 0, 0, -1));
        assertEquals(1, ticker.started);
        assertEquals(ProgressBar.TICK_INTERVAL_MILLIS, ticker.millis);
        String first = "\r[====>     ] 2/5 tasks  00:00 elapsed  ETA 00:00";
        assertEquals(first, written());

        // one long task: no scheduler event, only the timer; the elapsed time and the ETA move on
        clock.addAndGet(3 * S);
        ticker.tick.run();
        String second = "\r[====>     ] 2/5 tasks  00:03 elapsed  ETA 00:04";
        assertEquals(first + second, written());

        // rows reported within the redraw limit are drawn by the next tick
        clock.addAndGet(10 * MS);
        bar.progress(5_000, 2_000_000);
        assertEquals(first + second, written());
        clock.addAndGet(190 * MS);
        ticker.tick.run();
        String third = "\r[====>     ] 2/5 tasks  5.0k rows  2.0 MB  625 kB/s  00:03 elapsed  ETA 00:04";
        assertEquals(first + second + third, written());

        bar.done(false); // cancelled
        assertTrue(ticker.stopped, "the timer is stopped at the end");
        String erased = first + second + third + "\r" + " ".repeat(third.length() - 1) + "\r";
        assertEquals(erased, written());
        clock.addAndGet(S);
        ticker.tick.run(); // a tick already under way when the timer stopped draws nothing
        assertEquals(erased, written(), "nothing after done");
    }

    @Test
    void noTimerWhenNotOnATerminal() {
        ManualTicker ticker = new ManualTicker();
        ProgressBar bar = new ProgressBar(out, false, clock::get, ticker);
        bar.started(new ProgressSnapshot(0, 2, 0, 0, 0, 0, -1));
        bar.done(true);
        assertEquals(0, ticker.started);
        assertEquals("", written());
    }

    @Test
    void theDaemonTimerAdvancesTheElapsedTimeAndStopsAtDone() throws Exception {
        ProgressBar bar = new ProgressBar(out, true, clock::get, ProgressBar.Ticker.DAEMON);
        bar.started(new ProgressSnapshot(0, 3, 1, 0, 0, 0, -1));
        clock.addAndGet(7 * S);
        long deadline = System.nanoTime() + 10 * S;
        while (!written().contains("00:07 elapsed") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(written().contains("\r[>         ] 0/3 tasks  00:07 elapsed  ETA --:--"), written());
        bar.done(true);
        String atDone = written();
        assertTrue(atDone.endsWith("\r"), "erased: " + atDone);
        clock.addAndGet(5 * S);
        Thread.sleep(3 * ProgressBar.TICK_INTERVAL_MILLIS);
        assertEquals(atDone, written(), "the timer draws nothing after done");
    }
}
