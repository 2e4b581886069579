package dev.floe.dataframe.exec;


import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The output of a grace hash join of one shuffle bucket whose build side was too large for the join
 * memory budget, as a source of batches:
 *
 * <pre>
 *   for each piece p:  right piece p (file) ─► hash table ;  left piece p (file) ─► probe ─► batches
 * </pre>
 *
 * One piece's hash table and one batch of the left piece are in memory at a time. A piece whose rows
 * share one key cannot be split further and is built whole.
 */
final class GraceJoinSource implements BatchSource {
    private final HashPieces left;
    private final HashPieces right;
    private final JoinSpec spec;
    private final BufferAllocator allocator;
    private int piece = -1;
    private JoinBuild build;
    private ProbeOperator probe;
    private BatchSource leftPiece;
    private VectorSchemaRoot current;

    GraceJoinSource(HashPieces left, HashPieces right, JoinSpec spec, BufferAllocator allocator) {
        if (left.pieces() != right.pieces()) {
            throw new IllegalStateException("grace join sides have " + left.pieces() + " and " + right.pieces()
                    + " pieces; they must be cut alike");
        }
        this.left = left;
        this.right = right;
        this.spec = spec;
        this.allocator = allocator;
    }

    @Override
    public boolean next() {
        while (true) {
            VectorSchemaRoot more = probe == null ? null : probe.more();
            if (more != null) {
                current = more;   // the next bounded batch of the pairs of the same left batch
                return true;
            }
            if (leftPiece != null && leftPiece.next()) {
                current = probe.apply(leftPiece.batch());
                return true;
            }
            closePiece();
            piece++;
            if (piece >= left.pieces()) {
                return false;
            }
            try (BatchSource rows = right.open(piece, allocator)) {
                build = JoinBuild.build(rows, spec, allocator);
            }
            probe = new ProbeOperator(spec, build, allocator);
            leftPiece = left.open(piece, allocator);
        }
    }

    @Override
    public VectorSchemaRoot batch() {
        return current;
    }

    private void closePiece() {
        if (leftPiece != null) {
            leftPiece.close();
            leftPiece = null;
        }
        if (probe != null) {
            probe.close();
            probe = null;
        }
        if (build != null) {
            build.close();
            build = null;
        }
    }

    @Override
    public void close() {
        closePiece();
    }

    static boolean applies(Object leftInput, Object buildInput) {
        return leftInput instanceof HashPieces && buildInput instanceof HashPieces;
    }

}
