package dev.floe.sql;

import dev.floe.dataframe.Floe;
import dev.floe.dataframe.Table;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Small tables built from Java values, for statements whose answer is not a query (DESCRIBE, SHOW TABLES). */
final class ResultTables {
    private ResultTables() {
    }

    /** A table of VARCHAR ({@code String}) and BIGINT ({@code Long}) columns; null is NULL. */
    static Table of(List<String> names, List<FloeType> types, List<Object[]> rows) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (types.get(i) != FloeType.STRING && types.get(i) != FloeType.INT64) {
                throw new IllegalArgumentException("ResultTables supports VARCHAR and BIGINT, not " + types.get(i));
            }
            fields.add(new Field(names.get(i), types.get(i)));
        }
        Schema schema = new Schema(fields);
        BufferAllocator allocator = Floe.rootAllocator().newChildAllocator("sql-result-" + System.nanoTime(), 0, Long.MAX_VALUE);
        VectorSchemaRoot root = null;
        try {
            root = VectorSchemaRoot.create(schema.toArrow(), allocator);
            root.allocateNew();
            for (int c = 0; c < names.size(); c++) {
                for (int r = 0; r < rows.size(); r++) {
                    Object v = rows.get(r)[c];
                    if (root.getVector(c) instanceof VarCharVector s) {
                        if (v == null) {
                            s.setNull(r);
                        } else {
                            s.setSafe(r, v.toString().getBytes(StandardCharsets.UTF_8));
                        }
                    } else {
                        BigIntVector b = (BigIntVector) root.getVector(c);
                        if (v == null) {
                            b.setNull(r);
                        } else {
                            b.setSafe(r, ((Number) v).longValue());
                        }
                    }
                }
                root.getVector(c).setValueCount(rows.size());
            }
            root.setRowCount(rows.size());
            return new Table(schema, root, allocator);
        } catch (RuntimeException e) {
            if (root != null) {
                root.close();
            }
            allocator.close();
            throw e;
        }
    }
}
