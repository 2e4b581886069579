package dev.floe.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFixturesTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheContentVerbatimCreatingFolders() throws IOException {
        Path file = CsvFixtures.writeFile(tmp, "a/b/c.csv", "x,y\r\n1,\"é\"");
        assertEquals(tmp.resolve("a/b/c.csv"), file);
        assertEquals("x,y\r\n1,\"é\"", Files.readString(file));
        CsvFixtures.writeFile(tmp, "a/b/c.csv", CsvFixtures.lines("x", "2"));
        assertEquals("x\n2\n", Files.readString(file));
    }
}
