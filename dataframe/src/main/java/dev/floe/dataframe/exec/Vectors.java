package dev.floe.dataframe.exec;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Copying rows between batches. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Replaces the contents of {@code out} (same columns as {@code in}, by position) with the rows
     * {@code rows[0..count)} of {@code in}, in that order.
     */
    public static void gather(VectorSchemaRoot in, int[] rows, int count, VectorSchemaRoot out) {
        List<FieldVector> src = in.getFieldVectors();
        List<FieldVector> dst = out.getFieldVectors();
        for (int c = 0; c < src.size(); c++) {
            FieldVector from = src.get(c);
            FieldVector to = dst.get(c);
            to.reset();
            for (int i = 0; i < count; i++) {
                to.copyFromSafe(rows[i], i, from);
            }
            to.setValueCount(count);
        }
        out.setRowCount(count);
    }

    /**
     * Replaces the contents of {@code to} with the values of {@code from} at {@code rows[0..count)}; a
     * row index of -1 gives a NULL (the missing side of an outer join).
     */
    public static void gatherColumn(FieldVector from, int[] rows, int count, FieldVector to) {
        to.reset();
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (r < 0) {
                while (i >= to.getValueCapacity()) {
                    to.reAlloc();
                }
                to.setNull(i);
            } else {
                to.copyFromSafe(r, i, from);
            }
        }
        to.setValueCount(count);
    }

    /** Appends all rows of {@code in} to {@code out} (same columns by position). */
    public static void append(VectorSchemaRoot in, VectorSchemaRoot out) {
        int base = out.getRowCount();
        int count = in.getRowCount();
        List<FieldVector> src = in.getFieldVectors();
        List<FieldVector> dst = out.getFieldVectors();
        for (int c = 0; c < src.size(); c++) {
            FieldVector from = src.get(c);
            FieldVector to = dst.get(c);
            for (int i = 0; i < count; i++) {
                to.copyFromSafe(i, base + i, from);
            }
            to.setValueCount(base + count);
        }
        out.setRowCount(base + count);
    }

    /** Appends rows {@code from .. from+count-1} of {@code in} to {@code out} (same columns by position). */
    public static void appendRange(VectorSchemaRoot in, int from, int count, VectorSchemaRoot out) {
        int base = out.getRowCount();
        List<FieldVector> src = in.getFieldVectors();
        List<FieldVector> dst = out.getFieldVectors();
        for (int c = 0; c < src.size(); c++) {
            FieldVector f = src.get(c);
            FieldVector t = dst.get(c);
            for (int i = 0; i < count; i++) {
                t.copyFromSafe(from + i, base + i, f);
            }
            t.setValueCount(base + count);
        }
        out.setRowCount(base + count);
    }

    /** A new batch of {@code schema} owned by the caller, with the rows of {@code in} copied in. */
    public static VectorSchemaRoot copy(VectorSchemaRoot in, org.apache.arrow.vector.types.pojo.Schema schema,
            BufferAllocator allocator) {
        VectorSchemaRoot out = VectorSchemaRoot.create(schema, allocator);
        try {
            out.allocateNew();
            append(in, out);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
