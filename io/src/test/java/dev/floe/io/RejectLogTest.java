package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fraction budget compares exactly with the decimal the user wrote (no binary rounding of budget x total). */
class RejectLogTest {
    private static RejectLog log(double fraction, long good, long bad) {
        RejectLog log = new RejectLog(0);
        log.limitFraction(fraction);
        log.rowsRead(good);
        for (long i = 0; i < bad; i++) {
            log.reject(null);
        }
        return log;
    }

    /** Exactly at the budget passes, one more fails: for budgets whose product with the total rounds down in binary. */
    @ParameterizedTest(name = "max_rejects = {0}, {1} of {2}")
    @CsvSource({"0.29, 29, 100", "0.57, 57, 100", "0.58, 58, 100", "0.07, 7, 100", "0.1, 1, 10", "0.01, 100, 10000"})
    void exactlyAtTheBudgetPassesAndOneMoreFails(double fraction, long bad, long total) {
        assertDoesNotThrow(() -> log(fraction, total - bad, bad).checkFraction(true));
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> log(fraction, total - bad - 1, bad + 1).checkFraction(true));
        String percent = new java.math.BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros()
                .toPlainString();
        assertTrue(e.getMessage().contains("more than max_rejects = " + fraction + " (" + percent + "%)"),
                e.getMessage());
    }

    /** While splits are left, a read fails only when the rest, all good, could not bring it within budget. */
    @org.junit.jupiter.api.Test
    void whileSplitsAreLeftOnlyACertainExcessFails() {
        FileSplit a = new FileSplit("file:/a.csv", 0, 1000, 2000, 0);
        FileSplit b = new FileSplit("file:/a.csv", 1000, 1000, 2000, 1);
        RejectLog log = new RejectLog(0);
        log.limitFraction(0.5);
        log.expect(java.util.List.of(a, b), CsvOptions.defaults());
        for (int i = 0; i < 100; i++) {
            log.reject(null); // 100 bad records of 10 bytes each: 100% so far
        }
        log.read(0, 1000, false, true);
        // at most 1000 / 2 + 1 = 501 records left: 100 > 0.5 * 601 is not certain
        assertDoesNotThrow(() -> log.checkFraction("file:/a.csv"));
        for (int i = 0; i < 300; i++) {
            log.reject(null);
        }
        log.read(0, 400, false, false);
        // 400 bad, at most 600 / 2 + 1 = 301 left: 400 > 0.5 * 701 is certain
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> log.checkFraction("file:/a.csv"));
        assertTrue(e.getMessage().startsWith("400 of 400 rows rejected so far, more than max_rejects = 0.5 (50%) of all the"
                + " rows read even if the at most 301 rows still to read are good; the query stopped while reading /a.csv."),
                e.getMessage());
    }

    /** A compressed split's decoded length is unknown: nothing is certain until it ends; then the check is exact. */
    @org.junit.jupiter.api.Test
    void aStreamSplitIsJudgedWhenItEnds() {
        RejectLog log = new RejectLog(0);
        log.limitFraction(0.1);
        log.expect(java.util.List.of(new FileSplit("file:/a.csv.gz", 0, 50, 50, 0)), CsvOptions.defaults());
        for (int i = 0; i < 1000; i++) {
            log.reject(null);
        }
        log.read(5, 0, true, false);
        assertDoesNotThrow(() -> log.checkFraction("file:/a.csv.gz"));
        log.read(0, 0, true, true);
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> log.checkFraction("file:/a.csv.gz"));
        assertTrue(e.getMessage().startsWith("1,000 of 1,005 rows rejected (99.50%)"), e.getMessage());
    }

    /** A log told nothing of its splits judges only when its caller says everything was read. */
    @org.junit.jupiter.api.Test
    void aLogToldNothingWaitsForTheEnd() {
        RejectLog log = log(0.1, 0, 50);
        assertDoesNotThrow(() -> log.checkFraction("x"));
        assertThrows(CsvFormatException.class, () -> log.checkFraction(true, "x"));
    }

    /**
     * Regression: a retried task takes its split's rows, bytes and rejects back (retract) while other readers check
     * the fraction; a check that saw the rejects without the rows and bytes failed a query at 0.5% rejected
     * against a 1% budget. Split A's attempt is retracted and read again, over and over, while another thread
     * checks; no check may fail, and the final exact check passes.
     */
    @org.junit.jupiter.api.Test
    void aRetractionNeverShowsAnotherReaderTooFewRecords() throws InterruptedException {
        RejectLog log = new RejectLog(0);
        FileSplit a = new FileSplit("file:/a.csv", 0, 20_000, 21_000, 0);
        FileSplit b = new FileSplit("file:/a.csv", 20_000, 1_000, 21_000, 1);
        log.expect(java.util.List.of(a, b), CsvOptions.defaults());
        log.limitFraction(0.01);
        for (int i = 0; i < 50; i++) {
            log.reject(null);
        }
        log.read(10_000, 20_000, false, true);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> spurious = new java.util.concurrent.atomic.AtomicReference<>();
        Thread checker = new Thread(() -> {
            while (!stop.get() && spurious.get() == null) {
                try {
                    log.checkFraction("file:/a.csv");
                } catch (RuntimeException e) {
                    spurious.set(e);
                }
            }
        });
        checker.start();
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end && spurious.get() == null) {
            log.retract(10_000, 20_000, false, true, 50, java.util.List.of());   // the attempt failed
            for (int i = 0; i < 50; i++) {                                    // the retry reads split A again
                log.reject(null);
            }
            log.read(10_000, 20_000, false, true);
        }
        stop.set(true);
        checker.join();
        assertTrue(spurious.get() == null, () -> "a check failed during a retraction: " + spurious.get().getMessage());
        assertDoesNotThrow(() -> log.checkFraction(true, "file:/a.csv"));
    }
}
