package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.testdata.QuotedTableGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quoted, string-heavy benchmark table (commas, doubled quotes and line breaks inside quotes, UTF-8)
 * read back equals its generator's rows (the oracle), for every block size, tiny ones included.
 */
class QuotedTableTest {
    private static final long ROWS = 1500;

    @TempDir
    static Path dir;
    static Path file;
    static List<List<Object>> expected = new ArrayList<>();

    @BeforeAll
    static void generate() {
        file = QuotedTableGenerator.write(dir, 1, ROWS, 7).get(0);
        QuotedTableGenerator.forEachRow(ROWS, 7, 0, (id, name, city, comment, cents, quantity) ->
                expected.add(Arrays.asList(id, name, city, comment, cents / 100.0, (long) quantity)));
    }

    @Test
    void infersTheTypesAndHoldsQuotedLineBreaks() {
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults());
        assertEquals(Schema.of(new Field("id", FloeType.INT64), new Field("name", FloeType.STRING),
                new Field("city", FloeType.STRING), new Field("comment", FloeType.STRING),
                new Field("amount", FloeType.FLOAT64), new Field("quantity", FloeType.INT64)), dataset.schema());
        long breaks = expected.stream().filter(r -> ((String) r.get(3)).contains("\n")).count();
        long quotes = expected.stream().filter(r -> ((String) r.get(3)).contains("\"")).count();
        assertEquals(true, breaks > 10 && quotes > 10, breaks + " quoted line breaks, " + quotes + " quotes");
    }

    @ParameterizedTest(name = "block size {0}")
    @ValueSource(longs = {7, 30, 1000, 65536, 1 << 30})
    void everyBlockSizeReadsTheGeneratorsRows(long blockSize) {
        CsvDataset dataset = CsvDataset.open(file.toString(), CsvOptions.defaults().withBlockSize(blockSize));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(dataset, allocator);
            assertEquals(expected.size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(expected.get(r), rows.get(r), "row " + r);
            }
        }
    }
}
