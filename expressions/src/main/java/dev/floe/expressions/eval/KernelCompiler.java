package dev.floe.expressions.eval;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Binary;
import dev.floe.expressions.Cast;
import dev.floe.expressions.Column;
import dev.floe.expressions.DatePart;
import dev.floe.expressions.Expr;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Literal;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import dev.floe.expressions.Unary;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Turns a coerced expression (every operator's operands of one type, see {@link TypeChecker#coerce})
 * into a tree of kernels, one per node; Alias and identity casts disappear. If building fails half-way,
 * the kernels already built are closed.
 */
public final class KernelCompiler {
    private KernelCompiler() {
    }

    /** The kernel tree of {@code expr}; a scalar root is broadcast, so the result always has one value per row. */
    public static Kernel compile(Expr expr, Schema schema, BufferAllocator allocator) {
        Kernel root = build(expr, schema, allocator);
        return root.scalar() ? guard(() -> new BroadcastKernel(root, expr.outputName(), allocator), root) : root;
    }

    private static Kernel build(Expr e, Schema schema, BufferAllocator allocator) {
        if (e instanceof Column c) {
            int index = schema.indexOf(c.name());
            if (index < 0) {
                throw new PlanException(TypeChecker.unknownColumn(c.name(), schema));
            }
            return new ColumnKernel(c.name(), schema.field(index).type());
        }
        if (e instanceof Literal l) {
            return new LiteralKernel(l, allocator);
        }
        if (e instanceof Alias a) {
            return build(a.input(), schema, allocator);
        }
        if (e instanceof Cast c) {
            Kernel in = build(c.input(), schema, allocator);
            return in.type() == c.type() ? in : guard(() -> cast(c, in, allocator), in);
        }
        if (e instanceof DatePart d) {
            Kernel in = build(d.input(), schema, allocator);
            return guard(() -> new DatePartKernel(d, in, allocator), in);
        }
        if (e instanceof Unary u) {
            Kernel in = build(u.input(), schema, allocator);
            return guard(() -> switch (u.op()) {
                case NOT -> LogicalKernel.not(u.outputName(), in, allocator);
                case NEGATE -> new NegateKernel(u, in, allocator);
                case IS_NULL -> new NullTestKernel(true, u.outputName(), in, allocator);
                case IS_NOT_NULL -> new NullTestKernel(false, u.outputName(), in, allocator);
            }, in);
        }
        if (e instanceof Binary b) {
            Kernel left = build(b.left(), schema, allocator);
            Kernel right = guard(() -> build(b.right(), schema, allocator), left);
            return guard(() -> binary(b, left, right, allocator), left, right);
        }
        if (e instanceof AggregateCall call) {
            throw new PlanException("aggregate " + call.toSql() + " cannot be evaluated row by row");
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getName());
    }

    private static Kernel binary(Binary b, Kernel left, Kernel right, BufferAllocator allocator) {
        if (left.type() != right.type()) {
            throw new IllegalStateException("operands of " + b.toSql() + " were not coerced to one type: "
                    + left.type() + ", " + right.type());
        }
        return switch (b.op()) {
            case AND -> LogicalKernel.and(b.outputName(), left, right, allocator);
            case OR -> LogicalKernel.or(b.outputName(), left, right, allocator);
            case EQ, NE, LT, LE, GT, GE -> new ComparisonKernel(b, left, right, allocator);
            case ADD, SUB, MUL, DIV, MOD -> left.type() == FloeType.INT64
                    ? new LongArithmeticKernel(b, left, right, allocator)
                    : new DoubleArithmeticKernel(b, left, right, allocator);
        };
    }

    private static Kernel cast(Cast c, Kernel in, BufferAllocator allocator) {
        if (c.type() == FloeType.STRING) {
            return new FormatKernel(c, in, allocator);
        }
        if (in.type() == FloeType.STRING) {
            return new ParseKernel(c, in, allocator);
        }
        if (CastKernel.supports(in.type(), c.type())) {
            return new CastKernel(c, in, allocator);
        }
        throw new PlanException("cannot cast " + in.type().sqlName() + " to " + c.type().sqlName() + " in " + c.toSql());
    }

    /** {@code make.get()}, closing {@code inputs} if it fails. */
    private static Kernel guard(Supplier<Kernel> make, Kernel... inputs) {
        try {
            return make.get();
        } catch (RuntimeException | Error e) {
            for (Kernel k : inputs) {
                k.close();
            }
            throw e;
        }
    }
}
