package dev.floe.expressions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.junit.jupiter.api.Test;

class SelectionTest {
    @Test
    void selectsTrueRowsOnlyInOrder() {
        Random random = new Random(5);
        try (BufferAllocator allocator = new RootAllocator(); BitVector p = new BitVector("p", allocator)) {
            for (int rows : new int[] {0, 1, 7, 63, 64, 65, 130, 1000}) {
                Boolean[] values = new Boolean[rows];
                p.reset();
                for (int i = 0; i < rows; i++) {
                    int kind = random.nextInt(3);
                    values[i] = kind == 0 ? null : kind == 1;
                    if (values[i] == null) {
                        p.setSafe(i, 0, 1);   // a NULL over a set value bit must not be selected
                    } else {
                        p.setSafe(i, values[i] ? 1 : 0);
                    }
                }
                p.setValueCount(rows);
                int[] out = new int[rows];
                int count = Selection.select(p, rows, out);
                int[] expected = IntStream.range(0, rows).filter(i -> Boolean.TRUE.equals(values[i])).toArray();
                assertArrayEquals(expected, Arrays.copyOf(out, count), "rows " + rows);
            }
            assertThrows(IllegalArgumentException.class, () -> Selection.select(p, 1000, new int[10]));
            assertThrows(IllegalArgumentException.class, () -> Selection.select(p, 1001, new int[2000]));
        }
    }
}
