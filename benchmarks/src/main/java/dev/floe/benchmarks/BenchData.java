package dev.floe.benchmarks;

import dev.floe.testdata.QuotedTableGenerator;
import dev.floe.testdata.TimeseriesGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The data the JMH benchmarks read: one shard of about 64 MB (timeseries, or the quoted table) in a temporary directory. */
final class BenchData {
    /** About 50 bytes per row, so about 64 MiB. */
    static final long SHARD_ROWS = 1_345_000;
    static final long SEED = 42;
    /** About 130 bytes per row of the quoted table, so about 64 MB. */
    static final long QUOTED_ROWS = 500_000;

    private BenchData() {
    }

    /** Writes the shard into a new temporary directory and returns the shard's path. */
    static Path writeShard() throws IOException {
        Path dir = Files.createTempDirectory("floe-bench-");
        return TimeseriesGenerator.write(dir, new TimeseriesGenerator.Spec(1, SHARD_ROWS, SEED)).get(0);
    }

    /** Writes one shard of the quoted, string-heavy table into a new temporary directory; returns its path. */
    static Path writeQuotedShard() throws IOException {
        Path dir = Files.createTempDirectory("floe-bench-");
        return QuotedTableGenerator.write(dir, 1, QUOTED_ROWS, SEED).get(0);
    }

    /** Deletes the shard's directory and everything in it. */
    static void deleteShard(Path shard) {
        if (shard == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(shard.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + shard.getParent(), e);
        }
    }
}
