package dev.floe.testdata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A quoted, string-heavy CSV table, the hard case for a CSV reader next to the all-numeric
 * {@link TimeseriesGenerator}: every text field is quoted (as Python's {@code csv.QUOTE_NONNUMERIC} and
 * many exporters write them), names and some cities hold commas, comments are free text with commas,
 * doubled quotes, non-ASCII letters and, in about one row in 40, a line break inside the quotes.
 *
 * The start of {@code write(dir, 1, rows, 42)}:
 * <pre>
 * id,name,city,comment,amount,quantity
 * 0,"Lee, Tim","São Paulo","lasts as, vu colour, sturdy",21492.70,250
 * 1,"Okafor, Tim","Portland, OR","déjà size, great, shown sturdy for shown quickly, support would five ...",95910.73,265
 * 2,"Novak, Kevin","Montréal","great, for, helped",47420.68,140
 * </pre>
 *
 * <ul>
 *   <li>{@code id}: the row's index over all shards ({@code file * rowsPerFile + row});</li>
 *   <li>{@code name}, {@code city}: from fixed lists, uniform; {@code comment}: 3-24 words;</li>
 *   <li>{@code amount}: {@code cents / 100} with exactly two decimals, {@code cents} uniform in
 *       [0, 10^7) (so the exact double is {@code cents / 100.0}); {@code quantity}: uniform in [1, 1000].</li>
 * </ul>
 * Every shard is a pure function of {@code (seed, shard index)}; {@link #forEachRow} yields the same rows
 * without I/O, as an oracle for reader tests. Line ends are LF.
 */
public final class QuotedTableGenerator {
    /** The header line, without its line feed. */
    public static final String HEADER = "id,name,city,comment,amount,quantity";

    private static final String[] FIRST = {
        "Alice", "Bob", "Chloé", "Dan", "Edith", "François", "George", "Hannah", "Ingrid", "Jürgen",
        "Kevin", "Laura", "Michael", "Noémie", "Oliver", "Patricia", "Quinn", "Ray", "Søren", "Tim",
    };
    private static final String[] LAST = {
        "Okafor", "Lee", "García", "Smith", "Nguyen", "Müller", "Rossi", "Kowalski", "O'Brien", "Dubois",
        "Tanaka", "Silva", "Johansson", "Novak", "Ivanova", "Khan",
    };
    private static final String[] CITIES = {
        "Lagos", "Zürich", "São Paulo", "Washington, D.C.", "Paris", "Berlin", "Kraków", "Osaka",
        "Austin, TX", "Lima", "Oslo", "Cape Town", "Montréal", "Pune", "Reykjavík", "Portland, OR",
    };
    private static final String[] WORDS = {
        "arrived", "late", "box", "was", "fine", "otherwise", "would", "buy", "again", "five", "stars",
        "the", "colour", "is", "not", "as", "shown", "great", "value", "for", "money", "support", "helped",
        "quickly", "size", "runs", "small", "returned", "it", "works", "perfectly", "déjà", "vu", "naïve",
        "design", "battery", "lasts", "days", "cheap", "sturdy",
    };

    private QuotedTableGenerator() {
    }

    /** Receives the rows of a shard in order, with the fields' values (not their quoted text). */
    @FunctionalInterface
    public interface RowVisitor {
        void row(long id, String name, String city, String comment, long amountCents, int quantity);
    }

    /** The file name of shard {@code file}: {@code quoted-00000.csv}, ... */
    public static String fileName(int file) {
        return String.format(java.util.Locale.ROOT, "quoted-%05d.csv", file);
    }

    /** Visits the rows of shard {@code file}, exactly as {@link #write} prints them (without the quoting). */
    public static void forEachRow(long rowsPerFile, long seed, int file, RowVisitor visitor) {
        SplitMix64 random = SplitMix64.forShard(seed ^ 0x5155_4F54_4544L, file);
        StringBuilder comment = new StringBuilder(256);
        for (long row = 0; row < rowsPerFile; row++) {
            String name = LAST[random.nextInt(LAST.length)] + ", " + FIRST[random.nextInt(FIRST.length)];
            String city = CITIES[random.nextInt(CITIES.length)];
            comment.setLength(0);
            int words = 3 + random.nextInt(22);
            int quoted = random.nextInt(20) == 0 ? random.nextInt(words) : -1;
            int lineBreak = random.nextInt(40) == 0 ? 1 + random.nextInt(words - 1) : -1;
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    comment.append(w == lineBreak ? '\n' : ' ');
                }
                String word = WORDS[random.nextInt(WORDS.length)];
                comment.append(w == quoted ? "\"" + word + "\"" : word);
                if (w + 1 < words && random.nextInt(6) == 0) {
                    comment.append(',');
                }
            }
            long cents = random.nextInt(10_000_000);
            int quantity = 1 + random.nextInt(1000);
            visitor.row(file * rowsPerFile + row, name, city, comment.toString(), cents, quantity);
        }
    }

    /** Writes {@code files} shards of {@code rowsPerFile} rows into {@code dir}; returns their paths. */
    public static List<Path> write(Path dir, int files, long rowsPerFile, long seed) {
        List<Path> paths = new ArrayList<>(files);
        try {
            Files.createDirectories(dir);
            for (int f = 0; f < files; f++) {
                Path target = dir.resolve(fileName(f));
                Path temp = dir.resolve("." + fileName(f) + ".tmp");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
                    out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
                    StringBuilder line = new StringBuilder(512);
                    IOException[] failure = new IOException[1];
                    forEachRow(rowsPerFile, seed, f, (id, name, city, comment, cents, quantity) -> {
                        line.setLength(0);
                        line.append(id).append(',');
                        quote(line, name).append(',');
                        quote(line, city).append(',');
                        quote(line, comment).append(',');
                        line.append(cents / 100).append('.').append((char) ('0' + cents / 10 % 10))
                                .append((char) ('0' + cents % 10)).append(',').append(quantity).append('\n');
                        try {
                            if (failure[0] == null) {
                                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                            }
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    });
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                paths.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quoted table into " + dir + ": " + e.getMessage(), e);
        }
        return paths;
    }

    private static StringBuilder quote(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        return line.append('"');
    }
}
