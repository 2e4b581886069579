package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import dev.floe.expressions.Values;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A computed result held in memory as Arrow vectors: what {@link DataFrame#compute()} returns.
 *
 * <p>A table owns its vectors and the allocator they come from; {@link #close()} frees both. Vectors
 * handed out by {@link #vector} belong to the table: read them, don't close them, don't use them after
 * the table is closed. {@link #toString()} prints the table as a user would want to read it.
 */
public final class Table implements AutoCloseable {
    private final Schema schema;
    private final VectorSchemaRoot root;
    private final BufferAllocator allocator;
    private final QueryMetrics metrics;

    /** Takes ownership of {@code root} and of {@code allocator}, which must hold nothing else. */
    public Table(Schema schema, VectorSchemaRoot root, BufferAllocator allocator) {
        this(schema, root, allocator, QueryMetrics.NONE);
    }

    /** As {@link #Table(Schema, VectorSchemaRoot, BufferAllocator)}, with what the query that made it did. */
    public Table(Schema schema, VectorSchemaRoot root, BufferAllocator allocator, QueryMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.root = requireNonNull(root, "root is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        if (root.getFieldVectors().size() != schema.size()) {
            throw new IllegalArgumentException("schema " + schema + " does not fit batch " + root.getSchema());
        }
    }

    public Schema schema() {
        return schema;
    }

    /** What the query that computed this table did (rows and bytes read, time). */
    public QueryMetrics metrics() {
        return metrics;
    }

    public int rowCount() {
        return root.getRowCount();
    }

    public int columnCount() {
        return schema.size();
    }

    public FieldVector vector(int column) {
        return root.getVector(column);
    }

    public FieldVector vector(String name) {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(dev.floe.expressions.TypeChecker.unknownColumn(name, schema));
        }
        return root.getVector(i);
    }

    /** The batch behind this table (owned by the table). */
    public VectorSchemaRoot root() {
        return root;
    }

    /** The allocator that holds this table's memory. */
    public BufferAllocator allocator() {
        return allocator;
    }

    /**
     * The value at a row and column: null, Boolean, Long, Double, String, Long microseconds (TIMESTAMP),
     * Integer days (DATE) or BigDecimal at the column's scale (DECIMAL).
     */
    public Object get(int row, int column) {
        return Values.get(root.getVector(column), row);
    }

    public Object get(int row, String column) {
        return Values.get(vector(column), row);
    }

    /** The column's values as Java objects: for tests and small results. */
    public List<Object> column(String name) {
        FieldVector v = vector(name);
        Object[] out = new Object[rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Values.get(v, i);
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * Writes a picture of the task graph that computed this table, coloured by how long each task took
     * ({@code .dot} for Graphviz, {@code .html} for a page that opens in any browser).
     */
    public void visualize(java.nio.file.Path path) {
        if (metrics.graph() == null) {
            throw new IllegalStateException("this table was not computed by one task graph (head(), a local copy)");
        }
        dev.floe.scheduler.TaskGraph.visualize(metrics.graph(), metrics.profile(), path);
    }

    @Override
    public String toString() {
        return TableFormatter.text(this, 40);
    }

    @Override
    public void close() {
        try (allocator) {
            root.close();
        }
    }
}
