package dev.floe.expressions.eval;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One node of a compiled expression: evaluates its children, then runs a typed loop over their buffers
 * into an output vector that it owns and reuses from batch to batch.
 *
 * <p>Rules: {@link #evaluate} returns a vector of {@link #rows} values that stays valid until the next
 * {@code evaluate} or {@link #close}; its consumer never closes it. A <em>scalar</em> kernel depends on
 * no column (a literal, or an operator over literals only): it returns a vector of ONE value, and a
 * consumer that is not scalar itself reads it with stride 0 (see {@link Operand}), so {@code value > 0.5}
 * never materialises a vector of 0.5.
 */
public abstract class Kernel implements AutoCloseable {
    private final FloeType type;
    private final boolean scalar;
    private final String name;
    private final BufferAllocator allocator;
    private final List<Kernel> children;
    private FieldVector output;

    protected Kernel(FloeType type, String name, BufferAllocator allocator, List<Kernel> children) {
        this.type = requireNonNull(type, "type is null");
        this.name = requireNonNull(name, "name is null");
        this.allocator = allocator;
        this.children = List.copyOf(children);
        this.scalar = !this.children.isEmpty() && this.children.stream().allMatch(Kernel::scalar);
    }

    /** For leaves, which say themselves whether they are scalar. */
    protected Kernel(FloeType type, String name, BufferAllocator allocator, boolean scalar) {
        this.type = requireNonNull(type, "type is null");
        this.name = requireNonNull(name, "name is null");
        this.allocator = allocator;
        this.children = List.of();
        this.scalar = scalar;
    }

    public final FloeType type() {
        return type;
    }

    /** True when the value depends on no column; {@link #evaluate} then returns one value. */
    public final boolean scalar() {
        return scalar;
    }

    /** How many values {@link #evaluate} returns for {@code batch}: 1 for a scalar, else its row count. */
    public final int rows(VectorSchemaRoot batch) {
        return scalar ? 1 : batch.getRowCount();
    }

    public abstract FieldVector evaluate(VectorSchemaRoot batch);

    /** {@code child}'s result as this kernel reads it: stride 0 when a scalar feeds a non-scalar. */
    protected final Operand operand(Kernel child, FieldVector result) {
        return Operand.of(result, child.scalar && !scalar);
    }

    /**
     * The owned output vector, ready for {@code n} values: reallocated only when {@code n} exceeds its
     * capacity, otherwise reused as it is (the kernel writes every value and validity bit of rows
     * {@code 0..n-1}). A variable-width output is reset, to be filled in row order with setSafe.
     */
    protected final FieldVector output(int n) {
        if (output == null) {
            output = Vectors.create(type, name, allocator);
        }
        if (output instanceof BaseVariableWidthVector v) {
            if (v.getValueCapacity() < n) {
                v.clear();
                v.allocateNew(Math.max(n, 1));
            } else {
                v.reset();
            }
        } else if (output.getValueCapacity() < n) {
            output.clear();
            ((BaseFixedWidthVector) output).allocateNew(Math.max(n, 1));
        }
        return output;
    }

    @Override
    public void close() {
        for (Kernel child : children) {
            child.close();
        }
        if (output != null) {
            output.close();
            output = null;
        }
    }
}
