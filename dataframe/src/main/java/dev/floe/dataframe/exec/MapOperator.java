package dev.floe.dataframe.exec;

import dev.floe.dataframe.BatchFunction;
import dev.floe.expressions.Schema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Runs user code over each batch into an output batch of the declared schema, owned here and reused. */
final class MapOperator implements RowOperator {
    private final BatchFunction function;
    private final VectorSchemaRoot output;

    MapOperator(BatchFunction function, Schema schema, BufferAllocator allocator) {
        this.function = function;
        this.output = VectorSchemaRoot.create(schema.toArrow(), allocator);
    }

    @Override
    public VectorSchemaRoot apply(VectorSchemaRoot input) {
        for (FieldVector v : output.getFieldVectors()) {
            v.reset();
        }
        output.setRowCount(0);
        try {
            function.apply(input, output);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("mapPartitions function failed: " + e.getMessage(), e);
        }
        for (FieldVector v : output.getFieldVectors()) {
            v.setValueCount(output.getRowCount());
        }
        return output;
    }

    @Override
    public void close() {
        output.close();
    }
}
