package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** IS NULL / IS NOT NULL: the input's validity bits, as a BOOLEAN that is never NULL. */
final class NullTestKernel extends Kernel {
    private final boolean isNull;
    private final Kernel input;

    NullTestKernel(boolean isNull, String name, Kernel input, BufferAllocator allocator) {
        super(FloeType.BOOLEAN, name, allocator, List.of(input));
        this.isNull = isNull;
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        BitVector out = (BitVector) output(n);
        Bits.setAll(out.getValidityBuffer(), n);
        ArrowBuf value = out.getDataBuffer();
        int flip = isNull ? 0xFF : 0;
        int bytes = Bits.bytes(n);
        for (int j = 0; j < bytes; j++) {
            value.setByte(j, a.validityByte(j) ^ flip);
        }
        Bits.maskTail(value, n);
        out.setValueCount(n);
        return out;
    }
}
