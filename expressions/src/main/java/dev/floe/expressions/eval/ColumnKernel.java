package dev.floe.expressions.eval;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A column of the batch, found by name; returns the batch's own vector (owns nothing). */
final class ColumnKernel extends Kernel {
    private final String column;
    private FieldVector checked;

    ColumnKernel(String column, FloeType type) {
        super(type, column, null, false);
        this.column = requireNonNull(column, "column is null");
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        FieldVector vector = batch.getVector(column);
        if (vector == null) {
            List<String> names = new ArrayList<>();
            batch.getFieldVectors().forEach(v -> names.add(v.getName()));
            throw new IllegalArgumentException("the batch has no column '" + column + "' that the expression reads;"
                    + " it has " + names);
        }
        if (vector != checked) {
            FloeType actual = FloeType.fromArrow(vector.getField().getType());
            if (actual != type()) {
                throw new IllegalArgumentException("column '" + column + "' of the batch is " + actual.sqlName()
                        + " but the schema the expression was compiled against says " + type().sqlName());
            }
            checked = vector;
        }
        return vector;
    }
}
