package dev.floe.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.io.fs.ByteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * At every byte offset of hostile texts, {@link RecordStarts#find} names the same first record start as a
 * plain serial walk from the file's start that notes where records begin (the oracle).
 */
class RecordStartsTest {
    @Test
    void everyOffsetOfRandomQuotedTexts() throws IOException {
        Random random = new Random(3);
        String[] pieces = {"a", "1", ",", "\n", "\r\n", "\r", "\"x\"", "\"\"", "\"a\nb\"", "\",\n,\"", "\"q\"\"\n\"\"\"", "z"};
        for (int round = 0; round < 40; round++) {
            StringBuilder sb = new StringBuilder();
            boolean fieldStart = true;
            while (sb.length() < 400) {
                String p = pieces[random.nextInt(pieces.length)];
                if (p.startsWith("\"") && !fieldStart) {
                    continue; // keep the text valid: quotes only open fields
                }
                sb.append(p);
                char last = p.charAt(p.length() - 1);
                fieldStart = last == ',' || last == '\n' || last == '\r';
                if (p.startsWith("\"") && !fieldStart) {
                    String[] after = {",", "\n", "\r\n"};
                    sb.append(after[random.nextInt(3)]);
                    fieldStart = true;
                }
            }
            check(sb.toString(), Dialect.csv(',', '"', false), 1_000_000);
            check(sb.toString(), Dialect.csv(',', '"', false), 24); // small limit: the length rule decides
        }
    }

    /** Many empty quoted fields: long stretches that read validly inside and outside quotes. */
    @Test
    void pathologicalTextsFallBackToTheExactWalk() throws IOException {
        String text = "\"\",\"\"\n".repeat(50) + "\"\n\"\n" + "\"\",\"\"\n".repeat(50);
        check(text, Dialect.csv(',', '"', false), 1_000_000);
        check(text, Dialect.csv(',', '"', false), 20);
    }

    @Test
    void commentsAndBackslashEscapes() throws IOException {
        Dialect d = new Dialect((byte) ',', (byte) '"', (byte) '\\', (byte) '#', false, 0, 1 << 20);
        String text = "#\"comment with a quote\n1,\"a\\\"\nb\"\n#x\n2,\"\\\\\"\n3,\"c,\\\"\n\\\"d\"\n";
        check(text, d, 1 << 20);
    }

    /**
     * A quote-free file: every split start is decided from the split's own bytes (from start - 1 on), never
     * by reading back into the previous split; the answers still equal the oracle's.
     */
    @Test
    void quoteFreeFilesAreDecidedWithoutLookingBack() throws IOException {
        String text = "1234,abc,0.5\n".repeat(2000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Dialect d = new Dialect((byte) ',', (byte) '"', (byte) '"', (byte) 0, false, 0, 1 << 20);
        List<Long> starts = serialStarts(bytes, d);
        for (long s = 1; s <= bytes.length; s += 97) {
            ArraySource source = new ArraySource(bytes);
            long expected = bytes.length;
            for (long start : starts) {
                if (start >= s) {
                    expected = start;
                    break;
                }
            }
            assertEquals(expected, RecordStarts.find(source, bytes.length, d, 0, s), "at " + s);
            assertEquals(s - 1, source.lowestRead, "lowest byte read for a split at " + s);
        }
        check(text.substring(0, 300), d, 1 << 20);
        check(text.substring(0, 300), d, 20);
    }

    /** Quotes only before a long quote-free stretch, and only after one: both scans, at every offset. */
    @Test
    void quotesOnOneSideOfAQuoteFreeStretch() throws IOException {
        String plain = "12,ab\n".repeat(30);
        Dialect d = Dialect.csv(',', '"', false);
        for (int maxLine : new int[] {1 << 20, 40, 12}) {
            check("\"a\nb\",\"\"\n" + plain, d, maxLine);
            check(plain + "\"a\nb\",\"\"\n", d, maxLine);
            check(plain + "\"a\nb\",\"\"\n" + plain, d, maxLine);
        }
    }

    /** findInto answers as find does, and leaves the file's bytes from start - 1 in the caller's window. */
    @Test
    void findIntoLeavesTheWindowItRead() throws IOException {
        String text = "a,\"x\ny\"\n" + "12,ab\n".repeat(20) + "\"q\"\"\n\",z\n" + "3,c\n".repeat(10);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int maxLine : new int[] {1 << 20, 12}) {
            Dialect d = new Dialect((byte) ',', (byte) '"', (byte) '"', (byte) 0, false, 0, maxLine);
            for (int capacity : new int[] {1, 5, 64, 4096}) {
                for (long s = 1; s <= bytes.length; s++) {
                    byte[] window = new byte[capacity];
                    RecordStarts.Start found = RecordStarts.findInto(new ArraySource(bytes), bytes.length, d, 0, s,
                            window, capacity);
                    assertEquals(RecordStarts.find(new ArraySource(bytes), bytes.length, d, 0, s), found.first(),
                            "at " + s + ", window " + capacity);
                    int n = (int) Math.min(capacity, bytes.length - (s - 1));
                    assertEquals(n, found.windowBytes());
                    assertEquals(new String(bytes, (int) s - 1, n, StandardCharsets.UTF_8),
                            new String(window, 0, n, StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void check(String text, Dialect dialect, int maxLine) throws IOException {
        Dialect d = new Dialect(dialect.delimiter(), dialect.quote(), dialect.escape(), dialect.comment(), false, 0, maxLine);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Long> starts = serialStarts(bytes, d);
        ByteSource source = new ArraySource(bytes);
        for (long s = 1; s <= bytes.length; s++) {
            long expected = bytes.length;
            for (long start : starts) {
                if (start >= s) {
                    expected = start;
                    break;
                }
            }
            assertEquals(expected, RecordStarts.find(source, bytes.length, d, 0, s),
                    "first record at or after " + s + " (max line " + maxLine + ") in " + text.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }

    /** The oracle: a character walk that tracks quotes, escapes and comment lines from the start. */
    private static List<Long> serialStarts(byte[] b, Dialect d) {
        List<Long> starts = new ArrayList<>();
        boolean inside = false;
        boolean comment = false;
        boolean lineStart = true;
        for (int i = 0; i < b.length; i++) {
            byte x = b[i];
            if (comment) {
                if (x == '\n' || x == '\r') {
                    comment = false;
                    lineStart = true;
                    starts.add((long) i + 1);
                }
                continue;
            }
            if (inside) {
                if (!d.doubling() && x == d.escape()) {
                    i++;
                } else if (x == d.quote()) {
                    inside = false; // a doubled quote reopens at once
                }
                continue;
            }
            if (lineStart && d.comment() != 0 && x == d.comment()) {
                comment = true;
                lineStart = false;
                continue;
            }
            lineStart = false;
            if (x == d.quote()) {
                inside = true;
            } else if (x == '\n' || x == '\r') {
                starts.add((long) i + 1);
                lineStart = true;
            }
        }
        return starts;
    }

    private static final class ArraySource implements ByteSource {
        private final byte[] bytes;
        long lowestRead = Long.MAX_VALUE;

        ArraySource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) {
            lowestRead = Math.min(lowestRead, position);
            int n = (int) Math.max(0, Math.min(length, bytes.length - position));
            System.arraycopy(bytes, (int) position, buffer, offset, n);
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
