package dev.floe.sql;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.Floe;
import dev.floe.io.CsvOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source of a SELECT without FROM: one row, whose one column ({@value #COLUMN}) the planner never
 * shows, so {@code SELECT 1 + 2 AS x} runs through the same engine as every other query.
 *
 * <p>The dataframe module makes frames only from files ({@code Floe.readCsv}), so the row is a tiny CSV
 * file, written once per process to the temporary directory (again if something deleted it) and
 * removed at exit.
 */
final class OneRow {
    static final String COLUMN = "__one_row";
    private static Path file;

    private OneRow() {
    }

    static synchronized DataFrame frame() {
        try {
            if (file == null || !Files.isRegularFile(file)) {
                Path f = Files.createTempFile("floe-one-row-", ".csv");
                Files.writeString(f, COLUMN + "\n1\n", StandardCharsets.UTF_8);
                f.toFile().deleteOnExit();
                file = f;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the one-row file of a SELECT without FROM in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + "; set -Djava.io.tmpdir", e);
        }
        return Floe.readCsv(file.toString(), CsvOptions.defaults());
    }
}
