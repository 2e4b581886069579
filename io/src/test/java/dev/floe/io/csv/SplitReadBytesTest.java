package dev.floe.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.FileSplit;
import dev.floe.io.fs.ByteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The splits of a quote-free file read it about once in all: a split's start is decided from bytes it then
 * parses without reading them again (not from the end of the previous split), and together they read
 * every record exactly once.
 */
class SplitReadBytesTest {
    @ParameterizedTest(name = "split size {0}")
    @ValueSource(ints = {4096, 20_000, 65_536, 1 << 20})
    void quoteFreeSplitsReadTheFileAboutOnce(int splitSize) throws IOException {
        byte[] bytes = ("id,name,value\n" + "1234,abc,0.5\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        Dialect dialect = new Dialect((byte) ',', (byte) '"', (byte) '"', (byte) 0, true, 0, 4096);
        long rows = 0;
        long read = 0;
        for (long start = 0; start < bytes.length; start += splitSize) {
            long length = Math.min(splitSize, bytes.length - start);
            CountingSource source = new CountingSource(bytes);
            try (CsvScanner scanner = new CsvScanner(source, new FileSplit("memory", start, length, bytes.length, 0),
                    dialect, new String[] {"id", "name", "value"}, 16 << 10)) {
                int n;
                while ((n = scanner.read(1000)) > 0) {
                    rows += n;
                }
            }
            read += source.read;
        }
        assertEquals(20_000, rows);
        long splits = (bytes.length + splitSize - 1) / splitSize;
        // each split also reads its last record past its end, and the file's first bytes (the data start)
        assertTrue(read <= bytes.length + splits * (8 << 10) + 64, read + " bytes read for a file of " + bytes.length
                + " in " + splits + " splits");
    }

    private static final class CountingSource implements ByteSource {
        private final byte[] bytes;
        long read;

        CountingSource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) {
            int n = (int) Math.max(0, Math.min(length, bytes.length - position));
            System.arraycopy(bytes, (int) position, buffer, offset, n);
            read += n;
            return n;
        }

        @Override
        public String path() {
            return "memory";
        }

        @Override
        public void close() {
        }
    }
}
