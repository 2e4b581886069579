package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Like;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** {@code s [I]LIKE 'pattern'}: a {@link LikePattern} compiled once, run on each row's UTF-8 bytes in place. */
final class LikeKernel extends Kernel {
    private final Kernel input;
    private final LikePattern pattern;

    LikeKernel(Like expr, Kernel input, BufferAllocator allocator) {
        super(FloeType.BOOLEAN, expr.outputName(), allocator, List.of(input));
        if (input.type() != FloeType.STRING) {
            throw new IllegalArgumentException("LIKE needs a VARCHAR, not " + input.type());
        }
        this.input = input;
        this.pattern = LikePattern.compile(expr.pattern(), expr.escape(), expr.caseInsensitive());
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        BitVector out = (BitVector) output(n);
        Bits.copyValidity(out.getValidityBuffer(), a, n);
        ArrowBuf o = out.getDataBuffer();
        ArrowBuf data = a.data();
        boolean nulls = a.hasNulls();
        int acc = 0;
        for (int i = 0; i < n; i++) {
            boolean match = (!nulls || a.isValid(i)) && pattern.matches(data, a.start(i), a.end(i));
            acc |= (match ? 1 : 0) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        if ((n & 7) != 0) {
            o.setByte(n >>> 3, acc);
        }
        out.setValueCount(n);
        return out;
    }
}
