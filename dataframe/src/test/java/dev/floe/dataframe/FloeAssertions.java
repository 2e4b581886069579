package dev.floe.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

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

    /**
     * Every Arrow buffer of every query and result has been freed, and every allocator a query, a
     * result or a persisted frame made under the root has been closed (an empty allocator left open
     * holds no bytes, so counting bytes alone misses it).
     */
    static void assertNoArrowMemory() {
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory(),
                () -> "Arrow memory still allocated:\n" + Floe.rootAllocator().toVerboseString());
        assertEquals(List.of(), Floe.rootAllocator().getChildAllocators().stream().map(BufferAllocator::getName).sorted().toList(),
                "allocators left open under the root");
    }

    /** Nothing is left in a query's spill directory: the files under {@code dir}, which must be none. */
    static List<java.nio.file.Path> spillFiles(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertNoSpillFiles(java.nio.file.Path dir) {
        assertEquals(List.of(), spillFiles(dir), "spill files left behind");
    }
}
