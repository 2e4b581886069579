package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.ExprEvaluator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The probe side of a hash join, as a row operator: each batch of the left side is matched against a
 * {@link JoinBuild}, and the output batch (owned here, reused) holds the left columns and the chosen
 * right columns of each matching pair — or, for SEMI and ANTI, the left rows that do or don't match.
 * A join that multiplies rows (a key with many matches) gives several bounded output batches per input
 * batch ({@link #more()}), so memory stays bounded and the pipeline can see a cancel between them.
 */
final class ProbeOperator implements RowOperator {
    /** The most pairs in one output batch, unless the input itself has more rows. */
    static final int MAX_OUTPUT_ROWS = 64 * 1024;
    private final JoinSpec spec;
    private final JoinBuild build;
    private final List<ExprEvaluator> keys = new ArrayList<>();
    private final VectorSchemaRoot output;
    private final int[] rightColumnIndexes;
    private int[] leftRows = new int[1024];
    private int[] rightRows = new int[1024];
    // the input being probed, and where its pairs resume (the next probe row; the next build row of its match chain, or -1)
    private VectorSchemaRoot input;
    private FieldVector[] probeKeys;
    private int nextRow;
    private int nextMatch = -1;
    private int maxPairs;

    ProbeOperator(JoinSpec spec, JoinBuild build, BufferAllocator allocator) {
        this.spec = spec;
        this.build = build;
        try {
            for (var k : spec.leftKeys()) {
                keys.add(ExprEvaluator.compile(k, spec.left(), allocator));
            }
        } catch (RuntimeException e) {
            keys.forEach(ExprEvaluator::close);
            throw e;
        }
        this.output = VectorSchemaRoot.create(spec.output().toArrow(), allocator);
        this.rightColumnIndexes = spec.rightColumns().stream().mapToInt(n -> spec.right().indexOf(n)).toArray();
    }

    @Override
    public VectorSchemaRoot apply(VectorSchemaRoot input) {
        this.input = input;
        int rows = input.getRowCount();
        probeKeys = new FieldVector[keys.size()];
        for (int i = 0; i < probeKeys.length; i++) {
            probeKeys[i] = keys.get(i).evaluate(input);
        }
        nextRow = 0;
        nextMatch = -1;
        maxPairs = Math.max(MAX_OUTPUT_ROWS, rows);
        return fill();
    }

    /**
     * The rest of the pairs of the last input, {@code maxPairs} at a time: a probe row with many
     * matches makes several output batches, so that no batch grows past the larger of
     * {@link #MAX_OUTPUT_ROWS} and the input's row count.
     */
    @Override
    public VectorSchemaRoot more() {
        if (input == null || nextRow >= input.getRowCount()) {
            return null;
        }
        return fill();
    }

    private VectorSchemaRoot fill() {
        int rows = input.getRowCount();
        int pairs = 0;
        JoinType type = spec.type();
        int r = nextRow;
        int m = nextMatch;
        while (r < rows && pairs < maxPairs) {
            if (m < 0) {
                int match = build.first(probeKeys, r);
                if (type == JoinType.SEMI || type == JoinType.ANTI) {
                    if ((match >= 0) == (type == JoinType.SEMI)) {
                        pairs = add(pairs, r, -1);
                    }
                    r++;
                    continue;
                }
                if (match < 0) {
                    if (type == JoinType.LEFT) {
                        pairs = add(pairs, r, -1);
                    }
                    r++;
                    continue;
                }
                m = match;
            }
            while (m >= 0 && pairs < maxPairs) {
                pairs = add(pairs, r, m);
                m = build.next(m);
            }
            if (m < 0) {
                r++;
            }
        }
        nextRow = r;
        nextMatch = m;
        List<FieldVector> out = output.getFieldVectors();
        int leftColumns = input.getFieldVectors().size();
        for (int c = 0; c < leftColumns; c++) {
            Vectors.gatherColumn(input.getVector(c), leftRows, pairs, out.get(c));
        }
        for (int c = 0; c < rightColumnIndexes.length; c++) {
            Vectors.gatherColumn(build.rows().getVector(rightColumnIndexes[c]), rightRows, pairs, out.get(leftColumns + c));
        }
        output.setRowCount(pairs);
        return output;
    }

    private int add(int pairs, int left, int right) {
        if (pairs == leftRows.length) {
            leftRows = java.util.Arrays.copyOf(leftRows, pairs * 2);
            rightRows = java.util.Arrays.copyOf(rightRows, pairs * 2);
        }
        leftRows[pairs] = left;
        rightRows[pairs] = right;
        return pairs + 1;
    }

    @Override
    public void close() {
        input = null;
        keys.forEach(ExprEvaluator::close);
        output.close();
    }
}
