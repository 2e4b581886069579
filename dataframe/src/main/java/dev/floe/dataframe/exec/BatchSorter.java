package dev.floe.dataframe.exec;

import dev.floe.expressions.Schema;
import org.apache.arrow.vector.VectorSchemaRoot;
import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.FloeType;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Orders the rows of a batch by sort keys: a stable merge sort of row indices, comparing the evaluated
 * key vectors without boxing. NULLs go where each key says; NaN sorts above every other double.
 */
final class BatchSorter {
    private BatchSorter() {
    }

    static int[] order(VectorSchemaRoot batch, Schema schema, List<Sort.Key> keys, BufferAllocator allocator) {
        List<ExprEvaluator> evaluators = new ArrayList<>();
        try {
            List<FieldVector> vectors = new ArrayList<>();
            List<FloeType> types = new ArrayList<>();
            for (Sort.Key k : keys) {
                ExprEvaluator ev = ExprEvaluator.compile(k.expr(), schema, allocator);
                evaluators.add(ev);
                vectors.add(ev.evaluate(batch));
                types.add(ev.type());
            }
            int[] rows = new int[batch.getRowCount()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
            IntArrays.mergeSort(rows, (a, b) -> {
                for (int k = 0; k < keys.size(); k++) {
                    int c = compare(vectors.get(k), types.get(k), keys.get(k), a, b);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
            return rows;
        } finally {
            evaluators.forEach(ExprEvaluator::close);
        }
    }

    private static int compare(FieldVector v, FloeType type, Sort.Key key, int a, int b) {
        boolean na = v.isNull(a);
        boolean nb = v.isNull(b);
        if (na || nb) {
            if (na && nb) {
                return 0;
            }
            return na == key.nullsFirst() ? -1 : 1;
        }
        int c = switch (type) {
            case BOOLEAN -> Integer.compare(((BitVector) v).get(a), ((BitVector) v).get(b));
            case INT64, TIMESTAMP -> Long.compare(((BaseFixedWidthVector) v).getDataBuffer().getLong((long) a * 8),
                    ((BaseFixedWidthVector) v).getDataBuffer().getLong((long) b * 8));
            case DATE -> Integer.compare(((BaseFixedWidthVector) v).getDataBuffer().getInt((long) a * 4),
                    ((BaseFixedWidthVector) v).getDataBuffer().getInt((long) b * 4));
            case FLOAT64 -> Double.compare(((BaseFixedWidthVector) v).getDataBuffer().getDouble((long) a * 8),
                    ((BaseFixedWidthVector) v).getDataBuffer().getDouble((long) b * 8));
            case STRING -> java.util.Arrays.compareUnsigned(((VarCharVector) v).get(a), ((VarCharVector) v).get(b));
        };
        return key.ascending() ? c : -c;
    }
}
