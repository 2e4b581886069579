package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.floe.expressions.FloeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The csv-spectrum corpus (/work/shared/csv-corpus): every file read as text gives its expected JSON. */
class CsvSpectrumTest {
    private static final Path CORPUS = corpus();

    /**
     * The corpus in the nearest ancestor's {@code shared/csv-corpus} (the module is at /work/main/io or, in a
     * developer's worktree, at /work/wt/NAME/io: a fixed "../../shared" missed it there and the test was skipped).
     */
    private static Path corpus() {
        Path relative = Path.of("shared", "csv-corpus", "csv-spectrum");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        Path developers = Path.of("/work").resolve(relative);   // the developers' copy, /work/shared
        return Files.isDirectory(developers) ? developers : Path.of("../../shared/csv-corpus/csv-spectrum");
    }

    static Stream<Arguments> files() throws IOException {
        // CI lays shared/ beside the clone: there a missing corpus is a broken set-up, not a reason to skip
        assertTrue(Files.isDirectory(CORPUS.resolve("csvs")) || !"true".equals(System.getenv("CI")),
                "csv-spectrum corpus not found at " + CORPUS.toAbsolutePath().normalize()
                        + " (CI=true): CI must lay shared/ beside the clone");
        assumeTrue(Files.isDirectory(CORPUS.resolve("csvs")),
                "csv-spectrum corpus not found at " + CORPUS.toAbsolutePath().normalize() + "; skipping");
        try (Stream<Path> list = Files.list(CORPUS.resolve("csvs"))) {
            return list.sorted().map(p -> Arguments.of(p.getFileName().toString())).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsAsExpected(String name) throws IOException {
        Path csv = CORPUS.resolve("csvs").resolve(name);
        String json = Files.readString(CORPUS.resolve("json").resolve(name.replace(".csv", ".json")), StandardCharsets.UTF_8);
        List<Map<String, String>> expected = MiniJson.parseRecords(json);

        List<String> names = CsvDataset.open(csv.toString(), CsvOptions.defaults()).schema().names();
        Map<String, FloeType> allText = new LinkedHashMap<>();
        names.forEach(n -> allText.put(n, FloeType.STRING));
        CsvDataset dataset = CsvDataset.open(csv.toString(), CsvOptions.defaults().withTypes(allText));

        try (RootAllocator allocator = new RootAllocator()) {
            List<Map<String, String>> actual = new ArrayList<>();
            for (List<Object> row : TestTables.readAll(dataset, allocator)) {
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    record.put(names.get(i), (String) row.get(i));
                }
                actual.add(record);
            }
            assertEquals(expected, actual, name);
        }
    }
}
