package dev.floe.io.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.FloeIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedOutputTest {
    @TempDir
    Path dir;

    private List<String> listing(Path d) throws IOException {
        try (Stream<Path> all = Files.list(d)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void partsWrittenInParallelThenCommitted() throws Exception {
        List<List<List<Object>>> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(TestBatches.randomRows(200 + i * 50, 10 + i));
        }
        Path out = dir.resolve("out");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (BufferAllocator allocator = new RootAllocator();
             PartitionedOutput output = Writers.csvParts(out.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults())) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int index = i;
                tasks.add(pool.submit(() -> CsvWriterTest.writeAll(output.part(index), TestBatches.ALL_TYPES,
                        parts.get(index), 64, allocator)));
            }
            for (Future<?> t : tasks) {
                t.get(60, TimeUnit.SECONDS);
            }
            assertTrue(listing(out).stream().allMatch(n -> n.startsWith(".part-")), "hidden until the commit: "
                    + listing(out));
            assertEquals(4, listing(out).size());
            output.commit();
            assertEquals(List.of("_SUCCESS", "part-00000.csv", "part-00001.csv", "part-00002.csv", "part-00003.csv"),
                    listing(out));
            for (int i = 0; i < 4; i++) {
                assertEquals(parts.get(i), CsvWriterTest.readBack(output.partPath(i), TestBatches.ALL_TYPES, allocator));
            }
            List<List<Object>> all = new ArrayList<>();
            parts.forEach(all::addAll);
            assertEquals(all, CsvWriterTest.readBack(out.toString(), TestBatches.ALL_TYPES, allocator));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abortedOutputLeavesNothing() throws IOException {
        Path out = dir.resolve("out");
        try (BufferAllocator allocator = new RootAllocator()) {
            try (PartitionedOutput output = Writers.arrowParts(out.toString(), TestBatches.ALL_TYPES, allocator)) {
                CsvWriterTest.writeAll(output.part(0), TestBatches.ALL_TYPES, TestBatches.randomRows(50, 1), 20, allocator);
                BatchWriter open = output.part(1);   // never committed: the abort closes it
                assertEquals(2, listing(out).size());
                assertThrows(IllegalStateException.class, () -> output.part(0));
                assertTrue(open.rowsWritten() == 0);
            }   // closed without commit
            assertFalse(Files.exists(out), "the directory the output created is removed too");
        }
    }

    @Test
    void refusesADirectoryWithFiles() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("part-00000.csv"), "old\n");
        FloeIOException e = assertThrows(FloeIOException.class,
                () -> Writers.csvParts(out.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults()));
        assertEquals("cannot write parts into " + out + ": it already holds 1 file(s) (part-00000.csv); choose a new"
                + " directory or delete the old output first", e.getMessage());
    }
}
