package dev.floe.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions the dataframe tests share. */
final class FloeAssertions {
    private FloeAssertions() {
    }

    /** Equal within {@code relative} of the expected magnitude (or exactly, for zero). */
    static void assertClose(double expected, double actual, double relative, String what) {
        double tolerance = Math.abs(expected) * relative + Double.MIN_NORMAL;
        if (Math.abs(expected - actual) > tolerance) {
            assertEquals(expected, actual, tolerance, what);
        }
    }

    /** Every Arrow buffer of every query and result has been freed. */
    static void assertNoArrowMemory() {
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory(),
                () -> "Arrow memory still allocated:\n" + Floe.rootAllocator().toVerboseString());
    }
}
