package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the block size, the splits of a file together read exactly its rows, once each, in order. */
class SplitInvarianceTest {
    @TempDir
    static Path dir;
    static GeneratedCsv lf;
    static GeneratedCsv crlf;

    @BeforeAll
    static void generate() throws IOException {
        lf = GeneratedCsv.generate(2000, 42, "\n");
        lf.writeTo(dir.resolve("lf.csv"));
        crlf = GeneratedCsv.generate(500, 7, "\r\n");
        crlf.writeTo(dir.resolve("crlf.csv"));
    }

    @Test
    void infersTheGeneratedSchema() {
        CsvDataset dataset = CsvDataset.open(dir.resolve("lf.csv").toString(), CsvOptions.defaults());
        assertEquals(Schema.of(new Field("timestamp", FloeType.TIMESTAMP), new Field("id", FloeType.INT64),
                new Field("name", FloeType.STRING), new Field("value", FloeType.FLOAT64),
                new Field("x", FloeType.FLOAT64), new Field("note", FloeType.STRING)), dataset.schema());
    }

    @ParameterizedTest(name = "block size {0}")
    @ValueSource(longs = {1, 7, 30, 1000, 1 << 30})
    void everyBlockSizeReadsTheSameRows(long blockSize) {
        check("lf.csv", lf, blockSize, 65536);
        if (blockSize > 1) { // 1-byte blocks are slow-ish (one reader per byte): once is enough
            check("crlf.csv", crlf, blockSize, 65536);
        }
    }

    @Test
    void smallBatches() {
        check("lf.csv", lf, 1 << 30, 97);
        check("lf.csv", lf, 4096, 1);
    }

    private static void check(String file, GeneratedCsv expected, long blockSize, int batchRows) {
        CsvDataset dataset = CsvDataset.open(dir.resolve(file).toString(),
                CsvOptions.defaults().withBlockSize(blockSize).withBatchRows(batchRows));
        if (blockSize < expected.text.length()) {
            assertTrue(dataset.splits().size() > 1, "expected several splits");
        }
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator);
            assertEquals(expected.rows.size(), rows.size(), "row count, block size " + blockSize);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expected.rows.get(i), rows.get(i), "row " + i + ", block size " + blockSize);
            }
        }
    }
}
