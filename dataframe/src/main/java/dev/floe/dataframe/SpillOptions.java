package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where and when queries spill rows to local disk.
 *
 * @param directory the local directory under which each query that spills makes a directory of its own
 *     ({@code floe-spill-*}), deleted when the query ends in success, failure or cancellation; default
 *     {@code java.io.tmpdir}
 * @param sortMemoryBudget the most bytes of rows one sort task holds before it writes a sorted run to
 *     disk, the most a range-splitting task holds before spilling its ranges, and the most bytes of split
 *     outputs and sorted ranges a query keeps in memory while they wait for their readers; default 256 MiB
 * @param joinMemoryBudget the most bytes of build-side rows one bucket of a shuffle join holds in a hash
 *     table (a larger bucket is joined grace-style, piece by piece from disk), and the most bytes of
 *     shuffled rows that one shuffle task holds, and that all of a query's shuffle outputs keep in memory
 *     while they wait for their buckets' joins (the rest waits on disk); default 256 MiB
 */
public record SpillOptions(Path directory, long sortMemoryBudget, long joinMemoryBudget) {
    public static final long DEFAULT_BUDGET = 256L << 20;

    public SpillOptions {
        requireNonNull(directory, "directory is null");
        if (sortMemoryBudget <= 0) {
            throw new IllegalArgumentException("sortMemoryBudget must be positive, got " + sortMemoryBudget);
        }
        if (joinMemoryBudget <= 0) {
            throw new IllegalArgumentException("joinMemoryBudget must be positive, got " + joinMemoryBudget);
        }
    }

    public static SpillOptions defaults() {
        return new SpillOptions(Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_BUDGET, DEFAULT_BUDGET);
    }
}
