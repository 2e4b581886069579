package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** Creating the Arrow vector that stores a Floe type. */
public final class Vectors {
    private Vectors() {
    }

    /** An empty, unallocated vector named {@code name} that stores {@code type}. */
    public static FieldVector create(FloeType type, String name, BufferAllocator allocator) {
        return Field.nullable(name, type.arrowType()).createVector(allocator);
    }
}
