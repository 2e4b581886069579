package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.eval.Kernel;
import dev.floe.expressions.eval.KernelCompiler;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Evaluates one scalar expression over Arrow batches, a whole vector at a time.
 *
 * <pre>{@code
 * try (ExprEvaluator hour = ExprEvaluator.compile(col("timestamp").dt().hour(), schema, allocator)) {
 *     while (reader.next()) {
 *         BigIntVector hours = (BigIntVector) hour.evaluate(reader.batch());   // do not close
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Semantics: SQL's. NULL in, NULL out, except IS [NOT] NULL and AND/OR, which use three-valued logic
 * (FALSE AND NULL is FALSE, TRUE OR NULL is TRUE), IN (NULL when nothing matches and the list holds a
 * NULL), CASE and coalesce (which choose), and concat (which skips NULLs; {@code ||} does not). INT64
 * {@code + - * //}, unary minus, abs and round fail on overflow with an {@link EvaluationException};
 * {@code x % 0} and {@code x // 0}, and on FLOAT64 {@code x / 0}, are NULL, as in DuckDB; sqrt of a negative
 * number and ln/log10 of zero or less are errors, as in DuckDB. {@code //} is floor division
 * ({@code -7 // 2 = -4}). DECIMAL {@code + - *} are exact in DuckDB's result types (see {@link TypeChecker}) and a
 * result with more digits than its precision is an EvaluationException naming the values and the row;
 * DECIMALs of different scales compare exactly. Casts are strict: a string that does not parse is an EvaluationException naming
 * the text and the row; TRY_CAST gives NULL instead. Strings compare by UTF-8 bytes; doubles put NaN above
 * everything and equal to itself. The functions are listed in {@link ScalarFunction} and documented on
 * their factories in {@link Expressions}.
 *
 * <h2>Ownership</h2>
 * The result of {@link #evaluate} has {@code batch.getRowCount()} values and is either
 * <ul>
 *   <li>the batch's own vector, when the expression is a bare column reference, or</li>
 *   <li>a vector owned by this evaluator, REUSED by the next call (reallocated only when a bigger batch
 *       arrives).</li>
 * </ul>
 * Either way it is valid until the next {@code evaluate} or {@link #close}, and the caller never closes
 * it; copy or transfer out of it to keep it longer. {@code close()} frees every vector the evaluator
 * owns, so a query's allocator returns to zero. An evaluator is not thread-safe: one per task.
 *
 * <h2>Implementation overview</h2>
 * {@link #compile} coerces the expression ({@link TypeChecker#coerce}: implicit casts made explicit, so
 * each operator's operands have one type), then builds a tree of kernels ({@code dev.floe.expressions.eval},
 * one file per family: column, literal, arithmetic on INT64, on FLOAT64 and on DECIMAL, comparison, logical,
 * null test, negate, date part, casts (and DECIMAL casts), parse, format, math, IN, CASE/coalesce, LIKE, the string functions on UTF-8
 * bytes, regex, date_trunc/time_bucket, date_diff, date_add; BETWEEN and nullif compile to the kernels of
 * their definitions). Each kernel evaluates its children, then runs one typed loop
 * that reads their data and validity buffers directly and writes its own output vector:
 * <pre>
 *   (value * 2) > 0.5            ComparisonKernel(GT) ── output BitVector
 *                                 ├── LongArithmeticKernel(MUL) ── output BigIntVector
 *                                 │    ├── ColumnKernel(value)      (the batch's vector)
 *                                 │    └── LiteralKernel(2)         scalar: one value, read with stride 0
 *                                 └── LiteralKernel(0.5)            scalar
 * </pre>
 * Validity is computed a byte (8 rows) at a time, values with no boxing and no branch on NULLs unless an
 * operation could fail on the garbage under a NULL (INT64 overflow, parsing). A subtree that reads no
 * column is scalar: it is computed on one value per batch (so {@code ts > '2024-01-01'} parses the
 * literal once) and only a scalar root is broadcast to the batch's rows.
 */
public final class ExprEvaluator implements AutoCloseable {
    private final Expr expression;
    private final Kernel root;
    private boolean closed;

    private ExprEvaluator(Expr expression, Kernel root) {
        this.expression = expression;
        this.root = root;
    }

    /**
     * Type-checks {@code expr} against {@code inputSchema} and compiles it; result vectors come from
     * {@code allocator}. Throws {@link PlanException} for an unknown column, a type mismatch, a cast that
     * does not exist, or an aggregate.
     */
    public static ExprEvaluator compile(Expr expr, Schema inputSchema, BufferAllocator allocator) {
        requireNonNull(expr, "expr is null");
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(allocator, "allocator is null");
        Expr coerced = TypeChecker.coerce(expr, inputSchema);
        return new ExprEvaluator(coerced, KernelCompiler.compile(coerced, inputSchema, allocator));
    }

    /** The type of the values {@link #evaluate} returns. */
    public FloeType type() {
        return root.type();
    }

    /** The expression as compiled: with its implicit casts explicit. */
    public Expr expression() {
        return expression;
    }

    /**
     * The expression's value for every row of {@code batch}, which must hold (by name, with the schema's
     * types) at least the columns the expression reads. See the ownership rule above.
     */
    public FieldVector evaluate(VectorSchemaRoot batch) {
        requireNonNull(batch, "batch is null");
        if (closed) {
            throw new IllegalStateException("evaluator of " + expression.toSql() + " is closed");
        }
        return root.evaluate(batch);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            root.close();
        }
    }

    @Override
    public String toString() {
        return "ExprEvaluator[" + expression.toSql() + " -> " + root.type().sqlName() + "]";
    }
}
