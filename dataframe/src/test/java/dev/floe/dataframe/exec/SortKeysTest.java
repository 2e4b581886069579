package dev.floe.dataframe.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** The in-place string comparison against {@link Arrays#compareUnsigned} on the UTF-8 bytes. */
class SortKeysTest {
    @Test
    void stringsCompareByTheirUtf8BytesUnsigned() {
        String[] alphabet = {"a", "b", "z", "é", "ÿ", "中", "😀", "A", "0", " ", "\u007f", "\u0080"};
        Random random = new Random(5);
        int n = 2_000;
        try (BufferAllocator allocator = new RootAllocator();
                VarCharVector v = new VarCharVector("s", allocator)) {
            byte[][] values = new byte[n][];
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(20);
                // shared prefixes of many lengths, so that the 8-byte steps and the tail both decide
                String prefix = i % 3 == 0 ? "commonprefix-long-" : i % 3 == 1 ? "ab" : "";
                sb.append(prefix);
                for (int c = 0; c < len; c++) {
                    sb.append(alphabet[random.nextInt(alphabet.length)]);
                }
                values[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
                v.setSafe(i, values[i]);
            }
            v.setValueCount(n);
            for (int t = 0; t < 50_000; t++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                assertEquals(Integer.signum(Arrays.compareUnsigned(values[a], values[b])),
                        Integer.signum(SortKeys.compareUtf8(v, a, v, b)), () -> a + " vs " + b);
            }
        }
    }
}
