package dev.floe.expressions.eval;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** concat(a, b, ...) skips NULLs (DuckDB's concat); {@code a || b} is NULL if either is. */
final class ConcatKernel extends StringKernel {
    private final boolean skipNulls;

    ConcatKernel(String name, List<Kernel> args, boolean skipNulls, BufferAllocator allocator) {
        super(name, allocator, args.toArray(new Kernel[0]));
        this.skipNulls = skipNulls;
    }

    @Override
    protected boolean nullPropagating() {
        return !skipNulls;
    }

    @Override
    protected boolean compute(Operand[] in, int i) {
        for (Operand o : in) {
            if (o.isValid(i)) {
                int start = o.start(i);
                sink.append(o.data(), start, o.end(i) - start);
            }
        }
        return true;
    }
}
