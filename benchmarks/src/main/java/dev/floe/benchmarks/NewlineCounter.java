package dev.floe.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of CSV reading: copy a file's bytes out of the page cache and find its line ends. Nothing a
 * CSV reader does can be cheaper, so the benchmarks report every reader against it.
 */
final class NewlineCounter {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    /** Bytes read per {@code read} call. */
    static final int BUFFER_BYTES = 1 << 20;

    private NewlineCounter() {
    }

    /** Reads {@code file} in {@link #BUFFER_BYTES} chunks into {@code buffer} and counts its '\n' bytes. */
    static long countFile(Path file, byte[] buffer) throws IOException {
        long count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                count += countSwar(buffer, 0, n);
            }
        }
        return count;
    }

    /** One byte at a time: what a naive scanner does. */
    static long countSimple(byte[] b, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Eight bytes at a time (SWAR): XOR with '\n' turns every line feed into a zero byte, and
     * {@code ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..)} sets the high bit of exactly the zero bytes (no carry
     * crosses a byte, so the count is exact, unlike the classic "has a zero byte" test).
     */
    static long countSwar(byte[] b, int from, int to) {
        long count = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long zeroHighBits = ~(((x & LOW7) + LOW7) | x | LOW7);
            count += Long.bitCount(zeroHighBits);
        }
        return count + countSimple(b, i, to);
    }
}
