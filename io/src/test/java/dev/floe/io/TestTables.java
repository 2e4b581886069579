package dev.floe.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test helpers: write files, read a whole dataset into rows of plain Java values. */
final class TestTables {
    private TestTables() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Every row of every split, in split order; columns as in the schema. */
    static List<List<Object>> readAll(CsvDataset dataset, BufferAllocator allocator) {
        return readAll(dataset, allocator, null);
    }

    static List<List<Object>> readAll(CsvDataset dataset, BufferAllocator allocator, int[] columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (FileSplit split : dataset.splits()) {
            try (CsvBatchReader reader = dataset.openSplit(split, allocator, columns)) {
                while (reader.next()) {
                    rows.addAll(rows(reader.batch()));
                }
            }
        }
        return rows;
    }

    /**
     * Every row of every split, in split order, the splits read on {@code pool}'s threads at once (each with a
     * child allocator of its own).
     */
    static List<List<Object>> readParallel(CsvDataset dataset, BufferAllocator allocator, ExecutorService pool)
            throws Exception {
        List<Future<List<List<Object>>>> parts = new ArrayList<>();
        for (FileSplit split : dataset.splits()) {
            parts.add(pool.submit(() -> {
                List<List<Object>> rows = new ArrayList<>();
                try (BufferAllocator child = allocator.newChildAllocator("split " + split.index(), 0, Long.MAX_VALUE);
                        CsvBatchReader reader = dataset.openSplit(split, child, null)) {
                    while (reader.next()) {
                        rows.addAll(rows(reader.batch()));
                    }
                    reader.close();
                }
                return rows;
            }));
        }
        List<List<Object>> all = new ArrayList<>();
        for (Future<List<List<Object>>> part : parts) {
            all.addAll(part.get());
        }
        return all;
    }

    static List<List<Object>> rows(VectorSchemaRoot batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector v : batch.getFieldVectors()) {
                row.add(cell(v, r));
            }
            rows.add(row);
        }
        return rows;
    }

    /** null | Long | Double | String | Long (TIMESTAMP micros) | Integer (DATE days) | Boolean | BigDecimal. */
    static Object cell(FieldVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        if (v instanceof BigIntVector b) {
            return b.get(row);
        }
        if (v instanceof Float8Vector f) {
            return f.get(row);
        }
        if (v instanceof VarCharVector s) {
            return new String(s.get(row), StandardCharsets.UTF_8);
        }
        if (v instanceof TimeStampMicroVector t) {
            return t.get(row);
        }
        if (v instanceof DateDayVector d) {
            return d.get(row);
        }
        if (v instanceof BitVector b) {
            return b.get(row) == 1;
        }
        if (v instanceof DecimalVector d) {
            return d.getObject(row);
        }
        throw new IllegalArgumentException("unexpected vector " + v.getClass());
    }
}
