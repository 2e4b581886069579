package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The frame of a kernel that computes a VARCHAR from VARCHAR/BIGINT operands row by row: NULL where any
 * operand is NULL, else {@link #compute} writes the row's value into {@link #sink} (or answers false for
 * NULL). Subclasses implement only the per-row step.
 */
abstract class StringKernel extends Kernel {
    protected final ByteSink sink = new ByteSink();
    private final Kernel[] inputs;

    StringKernel(String name, BufferAllocator allocator, Kernel... inputs) {
        super(FloeType.STRING, name, allocator, nonNull(inputs));
        this.inputs = inputs;
    }

    static List<Kernel> nonNull(Kernel... kernels) {
        List<Kernel> out = new ArrayList<>();
        for (Kernel k : kernels) {
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    /** Computes row {@code i} into {@link #sink} (already reset) from the operands (null for an absent one). */
    protected abstract boolean compute(Operand[] in, int i);

    /** Whether a NULL operand makes the row NULL (concat overrides this: it skips NULLs). */
    protected boolean nullPropagating() {
        return true;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand[] in = new Operand[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            in[k] = inputs[k] == null ? null : operand(inputs[k], inputs[k].evaluate(batch));
        }
        int n = rows(batch);
        VarCharVector out = (VarCharVector) output(n);
        boolean propagate = nullPropagating();
        for (int i = 0; i < n; i++) {
            boolean isNull = false;
            if (propagate) {
                for (Operand o : in) {
                    if (o != null && !o.isValid(i)) {
                        isNull = true;
                        break;
                    }
                }
            }
            sink.reset();
            if (isNull || !compute(in, i)) {
                out.setNull(i);
            } else {
                out.setSafe(i, sink.bytes, 0, sink.length);
            }
        }
        out.setValueCount(n);
        return out;
    }
}
