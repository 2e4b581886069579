package dev.floe.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotedTableGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        byte[] a = Files.readAllBytes(QuotedTableGenerator.write(dir.resolve("a"), 1, 500, 1).get(0));
        byte[] b = Files.readAllBytes(QuotedTableGenerator.write(dir.resolve("b"), 1, 500, 1).get(0));
        byte[] c = Files.readAllBytes(QuotedTableGenerator.write(dir.resolve("c"), 1, 500, 2).get(0));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    /** A plain RFC 4180 walk over the written text gives back the visitor's rows, field for field. */
    @Test
    void theTextParsesBackToTheVisitedRows() throws IOException {
        List<Path> files = QuotedTableGenerator.write(dir, 2, 800, 5);
        for (int f = 0; f < 2; f++) {
            List<List<String>> records = parse(Files.readString(files.get(f), StandardCharsets.UTF_8));
            assertEquals(Arrays.asList(QuotedTableGenerator.HEADER.split(",")), records.get(0));
            List<List<String>> expected = new ArrayList<>();
            QuotedTableGenerator.forEachRow(800, 5, f, (id, name, city, comment, cents, quantity) ->
                    expected.add(List.of(Long.toString(id), name, city, comment,
                            String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100),
                            Integer.toString(quantity))));
            assertEquals(expected, records.subList(1, records.size()));
            assertEquals(800L * f, Long.parseLong(records.get(1).get(0)));
        }
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        return records;
    }
}
