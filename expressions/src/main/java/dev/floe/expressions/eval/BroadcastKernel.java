package dev.floe.expressions.eval;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Repeats a scalar over the rows of the batch. Only the root of an expression that reads no column needs
 * it ({@code lit(1)}, {@code CAST('2024-01-01' AS DATE)}); operators read scalars with stride 0 instead.
 */
final class BroadcastKernel extends Kernel {
    private final Kernel scalar;

    BroadcastKernel(Kernel scalar, String name, BufferAllocator allocator) {
        super(scalar.type(), name, allocator, false);
        if (!scalar.scalar()) {
            throw new IllegalArgumentException("only a scalar is broadcast, not " + name);
        }
        this.scalar = scalar;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        FieldVector one = scalar.evaluate(batch);
        int n = batch.getRowCount();
        FieldVector out = output(n);
        for (int i = 0; i < n; i++) {
            out.copyFromSafe(0, i, one);
        }
        out.setValueCount(n);
        return out;
    }

    @Override
    public void close() {
        scalar.close();
        super.close();
    }
}
