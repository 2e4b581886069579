package dev.floe.io.hdfs;

import dev.floe.expressions.Values;
import dev.floe.io.CsvBatchReader;
import dev.floe.io.CsvDataset;
import dev.floe.io.FileSplit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Every row of a dataset as plain Java values, split by split. */
final class Rows {
    private Rows() {
    }

    static List<List<Object>> readAll(CsvDataset dataset, BufferAllocator allocator) {
        List<List<Object>> rows = new ArrayList<>();
        for (FileSplit split : dataset.splits()) {
            try (CsvBatchReader reader = dataset.openSplit(split, allocator, null)) {
                while (reader.next()) {
                    rows.addAll(of(reader.batch()));
                }
            }
        }
        return rows;
    }

    static List<List<Object>> of(VectorSchemaRoot batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector v : batch.getFieldVectors()) {
                row.add(Values.get(v, r));
            }
            rows.add(row);
        }
        return rows;
    }
}
