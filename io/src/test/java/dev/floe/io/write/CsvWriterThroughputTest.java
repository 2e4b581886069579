package dev.floe.io.write;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-thread throughput of the CSV writer on the timeseries table (timestamp, id, name, x, y), in MB of
 * CSV written per second. Not asserted; off by default:
 * {@code mvn -o -q -pl io -am test -Dtest=CsvWriterThroughputTest -Dfloe.perf=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CsvWriterThroughputTest {
    private static final Logger log = LoggerFactory.getLogger(CsvWriterThroughputTest.class);
    private static final Schema SCHEMA = Schema.of(new Field("timestamp", FloeType.TIMESTAMP),
            new Field("id", FloeType.INT64), new Field("name", FloeType.STRING), new Field("x", FloeType.FLOAT64),
            new Field("y", FloeType.FLOAT64));
    private static final String[] NAMES = {"Alice", "Bob", "Charlie", "Dan", "Edith", "Frank", "George", "Hannah"};

    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        assumeTrue(Boolean.getBoolean("floe.perf"), "throughput measurement: run with -Dfloe.perf=true");
        int rows = Integer.getInteger("floe.perf.rows", 2_000_000);
        int batchRows = 65536;
        Random random = new Random(1);
        try (BufferAllocator allocator = new RootAllocator()) {
            List<VectorSchemaRoot> batches = new ArrayList<>();
            long t = 946_684_800_000_000L;
            for (int from = 0; from < rows; from += batchRows) {
                int n = Math.min(batchRows, rows - from);
                VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA.toArrow(), allocator);
                root.allocateNew();
                for (int r = 0; r < n; r++) {
                    t += 1_000_000;
                    ((TimeStampMicroVector) root.getVector(0)).setSafe(r, t);
                    ((BigIntVector) root.getVector(1)).setSafe(r, 950 + random.nextInt(100));
                    ((VarCharVector) root.getVector(2)).setSafe(r,
                            NAMES[random.nextInt(NAMES.length)].getBytes(StandardCharsets.UTF_8));
                    ((Float8Vector) root.getVector(3)).setSafe(r, Math.round((random.nextDouble() * 2 - 1) * 1e6) / 1e6);
                    ((Float8Vector) root.getVector(4)).setSafe(r, random.nextDouble() * 2 - 1);
                }
                root.setRowCount(n);
                batches.add(root);
            }
            for (int round = 0; round < 5; round++) {
                Path file = dir.resolve("out-" + round + ".csv");
                long t0 = System.nanoTime();
                try (BatchWriter w = Writers.csv(file.toString(), SCHEMA, CsvWriteOptions.defaults())) {
                    for (VectorSchemaRoot b : batches) {
                        w.write(b);
                    }
                    w.commit();
                }
                long nanos = System.nanoTime() - t0;
                long size = Files.size(file);
                log.info("round {}: {} rows, {} MB of CSV in {} ms: {} MB/s", round, rows, size >> 20, nanos / 1_000_000,
                        Math.round(size / 1e6 / (nanos / 1e9)));
                Files.delete(file);
            }
            batches.forEach(VectorSchemaRoot::close);
        }
    }
}
