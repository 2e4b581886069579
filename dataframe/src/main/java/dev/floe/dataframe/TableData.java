package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.plan.InMemoryData;
import dev.floe.expressions.Schema;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A {@link Table}'s rows as one in-memory partition ({@link Floe#fromTable}); the table stays its owner's. */
final class TableData implements InMemoryData {
    private static final long serialVersionUID = 1L;
    private final transient Table table;

    TableData(Table table) {
        this.table = requireNonNull(table, "table is null");
    }

    @Override
    public Schema schema() {
        return table.schema();
    }

    @Override
    public List<VectorSchemaRoot> partition(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("a table is one partition; no partition " + i);
        }
        return List.of(table.root());
    }

    @Override
    public int partitions() {
        return 1;
    }

    @Override
    public long rowCount() {
        return table.rowCount();
    }

    @Override
    public String describe() {
        return "a table of " + table.rowCount() + " rows";
    }
}
