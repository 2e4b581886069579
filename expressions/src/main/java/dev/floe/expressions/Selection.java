package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;

/** Turns a BOOLEAN predicate into the row indices a filter keeps. */
public final class Selection {
    private Selection() {
    }

    /**
     * Writes to {@code out}, in ascending order, the indices of the rows {@code 0..rowCount-1} whose
     * predicate is TRUE (NULL and FALSE rows are dropped, as SQL's WHERE drops them) and returns how many
     * there are. {@code out} must have room for {@code rowCount} indices. Reads 64 rows per step.
     */
    public static int select(BitVector predicate, int rowCount, int[] out) {
        requireNonNull(predicate, "predicate is null");
        requireNonNull(out, "out is null");
        if (rowCount < 0 || rowCount > predicate.getValueCount()) {
            throw new IllegalArgumentException("rowCount " + rowCount + " is outside the predicate's "
                    + predicate.getValueCount() + " values");
        }
        if (out.length < rowCount) {
            throw new IllegalArgumentException("out has room for " + out.length + " indices, not " + rowCount);
        }
        ArrowBuf values = predicate.getDataBuffer();
        ArrowBuf valid = predicate.getValidityBuffer();
        int count = 0;
        int words = rowCount >>> 6;
        for (int w = 0; w < words; w++) {
            long bits = values.getLong(w * 8L) & valid.getLong(w * 8L);
            while (bits != 0) {
                out[count++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        for (int i = words << 6; i < rowCount; i++) {
            int bit = (values.getByte(i >>> 3) & valid.getByte(i >>> 3)) >> (i & 7);
            if ((bit & 1) != 0) {
                out[count++] = i;
            }
        }
        return count;
    }
}
