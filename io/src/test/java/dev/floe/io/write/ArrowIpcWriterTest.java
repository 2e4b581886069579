package dev.floe.io.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.floe.expressions.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowIpcWriterTest {
    @TempDir
    Path dir;

    /** Every row of an Arrow IPC file, read with Arrow's own ArrowFileReader; also checks the schema. */
    static List<List<Object>> readArrow(Path file, Schema schema, BufferAllocator allocator) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(new SeekableReadChannel(channel), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(schema, Schema.fromArrow(root.getSchema()));
            while (reader.loadNextBatch()) {
                rows.addAll(TestBatches.rows(root));
            }
        }
        return rows;
    }

    @Test
    void roundTripThroughArrowFileReader() throws IOException {
        List<List<Object>> rows = TestBatches.randomRows(4000, 5);
        Path file = dir.resolve("t.arrow");
        try (BufferAllocator allocator = new RootAllocator()) {
            BatchWriter writer = Writers.arrow(file.toString(), TestBatches.ALL_TYPES, allocator);
            CsvWriterTest.writeAll(writer, TestBatches.ALL_TYPES, rows, 999, allocator);
            assertEquals(4000, writer.rowsWritten());
            assertEquals(rows, readArrow(file, TestBatches.ALL_TYPES, allocator));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList());
            }
        }
    }

    @Test
    void decimalsRoundTripThroughArrowFileReader() throws IOException {
        List<List<Object>> rows = TestBatches.randomDecimalRows(3000, 10);
        Path file = dir.resolve("d.arrow");
        try (BufferAllocator allocator = new RootAllocator()) {
            CsvWriterTest.writeAll(Writers.arrow(file.toString(), TestBatches.DECIMALS, allocator), TestBatches.DECIMALS,
                    rows, 1000, allocator);
            assertEquals(rows, readArrow(file, TestBatches.DECIMALS, allocator));
        }
    }

    @Test
    void abortedWriteLeavesNothingAndFreesEverything() throws IOException {
        List<List<Object>> rows = TestBatches.randomRows(100, 6);
        try (BufferAllocator allocator = new RootAllocator()) {
            try (BatchWriter w = Writers.arrow(dir.resolve("t.arrow").toString(), TestBatches.ALL_TYPES, allocator);
                 VectorSchemaRoot batch = TestBatches.batch(TestBatches.ALL_TYPES, rows, allocator)) {
                w.write(batch);
                w.abort();
                assertThrows(IllegalStateException.class, () -> w.write(batch));
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.toList());
            }
        }   // the allocator's close fails on a leak
    }
}
