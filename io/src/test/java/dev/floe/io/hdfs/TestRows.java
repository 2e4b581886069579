package dev.floe.io.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.io.CsvOptions;
import dev.floe.io.write.BatchWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.SeekableReadChannel;

/** Rows for the HDFS write tests: a few types, NULLs, strings that need quoting. */
final class TestRows {
    static final Schema SCHEMA = Schema.of(new Field("id", FloeType.INT64), new Field("s", FloeType.STRING),
            new Field("x", FloeType.FLOAT64), new Field("t", FloeType.TIMESTAMP));
    private static final String[] TEXT = {"", "a,b", "say \"hi\"", "two\nlines", "ünïcødé", "plain"};

    private TestRows() {
    }

    static CsvOptions readOptions() {
        Map<String, FloeType> types = new LinkedHashMap<>();
        SCHEMA.fields().forEach(f -> types.put(f.name(), f.type()));
        return CsvOptions.defaults().withTypes(types);
    }

    static List<List<Object>> random(int n, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Arrays.asList((long) i, random.nextInt(7) == 0 ? null : TEXT[random.nextInt(TEXT.length)],
                    random.nextInt(9) == 0 ? null : random.nextGaussian() * 1000,
                    random.nextInt(9) == 0 ? null : 1_700_000_000_000_000L + random.nextInt(1 << 30) * 1000L));
        }
        return rows;
    }

    static void write(BatchWriter writer, Schema schema, List<List<Object>> rows, int batchRows,
            BufferAllocator allocator) {
        for (int from = 0; from < rows.size(); from += batchRows) {
            List<List<Object>> part = rows.subList(from, Math.min(rows.size(), from + batchRows));
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema.toArrow(), allocator)) {
                root.allocateNew();
                for (int r = 0; r < part.size(); r++) {
                    List<Object> row = part.get(r);
                    ((BigIntVector) root.getVector(0)).setSafe(r, (Long) row.get(0));
                    if (row.get(1) == null) {
                        ((VarCharVector) root.getVector(1)).setNull(r);
                    } else {
                        ((VarCharVector) root.getVector(1)).setSafe(r, ((String) row.get(1)).getBytes(StandardCharsets.UTF_8));
                    }
                    if (row.get(2) == null) {
                        ((Float8Vector) root.getVector(2)).setNull(r);
                    } else {
                        ((Float8Vector) root.getVector(2)).setSafe(r, (Double) row.get(2));
                    }
                    if (row.get(3) == null) {
                        ((TimeStampMicroVector) root.getVector(3)).setNull(r);
                    } else {
                        ((TimeStampMicroVector) root.getVector(3)).setSafe(r, (Long) row.get(3));
                    }
                }
                root.setRowCount(part.size());
                writer.write(root);
            }
        }
    }

    static List<List<Object>> readArrow(Path file, BufferAllocator allocator) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(new SeekableReadChannel(channel), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(SCHEMA, Schema.fromArrow(root.getSchema()));
            while (reader.loadNextBatch()) {
                rows.addAll(Rows.of(root));
            }
        }
        return rows;
    }
}
