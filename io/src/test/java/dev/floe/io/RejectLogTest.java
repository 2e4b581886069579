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
}
