package dev.floe.dataframe;

import dev.floe.expressions.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A table's rows as lists of Java values, for comparing with an oracle; and a table made of such rows. */
final class Rows {
    private Rows() {
    }

    static List<List<Object>> of(Table t) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] row = new Object[t.columnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = t.get(r, c);
            }
            rows.add(Arrays.asList(row));
        }
        return rows;
    }

    /** The rows in a canonical order (by their text), for results whose order is not promised. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /**
     * A table of {@code schema} holding {@code values} (BIGINT as Long, DOUBLE as Double, VARCHAR as String,
     * DECIMAL as BigDecimal, null for NULL), in a child of {@link Floe#rootAllocator()} named {@code name}; the
     * caller closes it.
     */
    static Table table(Schema schema, List<List<Object>> values, String name) {
        BufferAllocator allocator = Floe.rootAllocator().newChildAllocator(name, 0, Long.MAX_VALUE);
        VectorSchemaRoot root = VectorSchemaRoot.create(schema.toArrow(), allocator);
        root.allocateNew();
        for (int r = 0; r < values.size(); r++) {
            for (int c = 0; c < schema.size(); c++) {
                Object v = values.get(r).get(c);
                FieldVector vector = root.getVector(c);
                if (v == null) {
                    vector.setNull(r);
                } else if (vector instanceof DecimalVector d) {
                    d.setSafe(r, (BigDecimal) v);
                } else if (vector instanceof Float8Vector f) {
                    f.setSafe(r, (Double) v);
                } else if (vector instanceof VarCharVector s) {
                    s.setSafe(r, ((String) v).getBytes(StandardCharsets.UTF_8));
                } else {
                    ((BigIntVector) vector).setSafe(r, (Long) v);
                }
            }
        }
        root.setRowCount(values.size());
        return new Table(schema, root, allocator);
    }
}
