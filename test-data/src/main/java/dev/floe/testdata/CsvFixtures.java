package dev.floe.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers that tests share to put CSV text on disk. */
public final class CsvFixtures {
    private CsvFixtures() {
    }

    /**
     * Writes {@code content} as UTF-8 to {@code dir/name} (creating {@code dir} and any parent folders in
     * {@code name}), replacing an existing file, and returns its path. The content is written as given:
     * no line feed is added or translated.
     */
    public static Path writeFile(Path dir, String name, String content) {
        Path file = dir.resolve(name);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixture " + file, e);
        }
    }

    /** The given lines, each followed by {@code '\n'}: {@code lines("a,b", "1,2")} is {@code "a,b\n1,2\n"}. */
    public static String lines(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
