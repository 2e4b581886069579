package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.FloeType;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid UTF-8 read under {@code replace_invalid_utf8} is counted in {@link QueryMetrics#utf8Replacements()},
 * exactly, over every split. The oracle: the files are generated here with lone 0xFF bytes (each one
 * invalid sequence) at known places, so the count of the rows kept is known without the reader. Quoted
 * fields with line breaks and tiny blocks make records run past the scanner's buffer (and be parsed again);
 * rejected rows (ignore_errors) that hold invalid bytes are not counted, as they are not read.
 */
class Utf8ReplacementsTest {
    @TempDir
    Path dir;

    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    /** Writes {@code rows} records {@code id,note,value}; returns the 0xFF bytes in the rows that are kept. */
    private long generate(String name, int rows, int seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("id,note,value\n".getBytes(StandardCharsets.US_ASCII));
        long kept = 0;
        for (int i = 0; i < rows; i++) {
            int invalid = (i * 7 + seed) % 4; // 0-3 lone 0xFF bytes in the note
            boolean bad = i % 11 == 5; // a value that is not a DOUBLE: the row is rejected
            boolean quoted = i % 3 == 1;
            out.writeBytes((i + "," + (quoted ? "\"a,\n" : "a")).getBytes(StandardCharsets.US_ASCII));
            for (int k = 0; k < invalid; k++) {
                out.write(0xFF);
                out.write('x');
            }
            out.writeBytes(((quoted ? "\"" : "") + "," + (bad ? "nope" : i + ".5") + "\n").getBytes(StandardCharsets.US_ASCII));
            if (!bad) {
                kept += invalid;
            }
        }
        Files.write(dir.resolve(name), out.toByteArray());
        return kept;
    }

    @ParameterizedTest(name = "block {0}, threads {1}")
    @CsvSource({"16, 1", "64, 2", "200, 1", "1048576, 2"})
    void theQueryCountsEveryReplacementOfEverySplit(long blockSize, int threads) throws IOException {
        long expected = 0;
        for (int f = 0; f < 3; f++) {
            expected += generate("part-" + f + ".csv", 60 + 15 * f, f);
        }
        CsvOptions options = CsvOptions.defaults().withTypes(Map.of("value", FloeType.FLOAT64, "note", FloeType.STRING))
                .withReplaceInvalidUtf8(true).withIgnoreErrors(true).withBlockSize(blockSize);
        try (Scheduler scheduler = Scheduler.create(threads);
                Table t = Floe.readCsv(dir.resolve("*.csv").toString(), options).withScheduler(scheduler).compute()) {
            assertEquals(expected, t.metrics().utf8Replacements());
            long replaced = 0;
            for (int r = 0; r < t.rowCount(); r++) {
                replaced += ((String) t.get(r, 1)).chars().filter(c -> c == '\uFFFD').count();
            }
            assertEquals(expected, replaced); // what was counted is what the rows hold
        }
    }

    @Test
    void withoutReplacementsTheCountIsZero() throws IOException {
        Files.writeString(dir.resolve("ok.csv"), "id,note\n1,é\n2,b\n");
        try (Table t = Floe.readCsv(dir.resolve("ok.csv").toString(),
                CsvOptions.defaults().withReplaceInvalidUtf8(true)).compute()) {
            assertEquals(2, t.rowCount());
            assertEquals(0, t.metrics().utf8Replacements());
        }
    }
}
