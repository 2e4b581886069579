package dev.floe.dataframe.exec;

import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.Schema;
import it.unimi.dsi.fastutil.HashCommon;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One side of one shuffle bucket, cut into {@code pieces} spill files by a second hash of the join key
 * (independent of the bucket hash, so a bucket's rows spread over all pieces): the two sides of a grace
 * hash join, where piece p of the left side can only match piece p of the right. Rows with a NULL key
 * part go to piece 0. Owns its files (a missing piece has no rows) until closed.
 */
final class HashPieces implements AutoCloseable {
    private final RunFile[] files;

    private HashPieces(RunFile[] files) {
        this.files = files;
    }

    int pieces() {
        return files.length;
    }

    /** Piece p's rows (none: an empty source). */
    BatchSource open(int piece, BufferAllocator allocator) {
        return files[piece] == null ? PartitionRunner.listSource(List.of()) : files[piece].open(allocator);
    }

    /** The piece of a row whose bucket hash is {@code hash}. */
    static int pieceOf(int hash, int pieces) {
        return Math.floorMod(HashCommon.murmurHash3(hash + 0x61c88647), pieces);   // independent of the bucket's mix
    }

    /**
     * Writes the rows of {@code parts} to {@code pieces} files by the second hash of {@code keys},
     * streaming (one batch of the input and one of a piece in memory at a time, from {@code allocator});
     * {@code cancelled} is polled per batch.
     */
    static HashPieces write(List<SpillableRows> parts, List<Expr> keys, Schema schema, boolean singleLong,
            int pieces, SpillSpace spill, String prefix, BufferAllocator allocator,
            java.util.function.BooleanSupplier cancelled) {
        Cutter cutter = new Cutter(keys, schema, singleLong, pieces, spill, prefix, allocator);
        try {
            for (SpillableRows part : parts) {
                try (BatchSource source = part.open(allocator)) {
                    while (source.next()) {
                        PartitionPipeline.checkCancelled(cancelled);
                        cutter.cut(source.batch());
                    }
                }
            }
            return cutter.finish();
        } finally {
            cutter.close();
        }
    }

    /** Cuts batches into the pieces' files. */
    private static final class Cutter implements AutoCloseable {
        private final List<ExprEvaluator> evaluators = new ArrayList<>();
        private final boolean singleLong;
        private final SpillSpace spill;
        private final String prefix;
        private final org.apache.arrow.vector.types.pojo.Schema arrow;
        private final RunFile.Writer[] writers;
        private final VectorSchemaRoot piece;
        private final int[][] rows;
        private final int[] counts;

        Cutter(List<Expr> keys, Schema schema, boolean singleLong, int pieces, SpillSpace spill, String prefix,
                BufferAllocator allocator) {
            this.singleLong = singleLong;
            this.spill = spill;
            this.prefix = prefix;
            this.arrow = schema.toArrow();
            this.writers = new RunFile.Writer[pieces];
            this.rows = new int[pieces][16];
            this.counts = new int[pieces];
            this.piece = VectorSchemaRoot.create(arrow, allocator);
            try {
                for (Expr k : keys) {
                    evaluators.add(ExprEvaluator.compile(k, schema, allocator));
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        void cut(VectorSchemaRoot batch) {
            int n = batch.getRowCount();
            FieldVector[] k = new FieldVector[evaluators.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = evaluators.get(i).evaluate(batch);
            }
            java.util.Arrays.fill(counts, 0);
            for (int r = 0; r < n; r++) {
                int p = JoinKeys.isNull(k, r) ? 0 : pieceOf(JoinKeys.hash(k, r, singleLong), writers.length);
                if (counts[p] == rows[p].length) {
                    rows[p] = java.util.Arrays.copyOf(rows[p], rows[p].length * 2);
                }
                rows[p][counts[p]++] = r;
            }
            for (int p = 0; p < writers.length; p++) {
                if (counts[p] == 0) {
                    continue;
                }
                if (writers[p] == null) {
                    writers[p] = new RunFile.Writer(spill, prefix + "-piece-" + p, arrow);
                }
                Vectors.gather(batch, rows[p], counts[p], piece);
                writers[p].write(piece);
            }
        }

        HashPieces finish() {
            RunFile[] files = new RunFile[writers.length];
            for (int p = 0; p < writers.length; p++) {
                files[p] = writers[p] == null ? null : writers[p].finish();
            }
            return new HashPieces(files);
        }

        @Override
        public void close() {
            evaluators.forEach(ExprEvaluator::close);
            piece.close();
            for (RunFile.Writer w : writers) {
                if (w != null) {
                    w.close();
                }
            }
        }
    }

    @Override
    public void close() {
        for (RunFile f : files) {
            if (f != null) {
                f.delete();
            }
        }
    }
}
