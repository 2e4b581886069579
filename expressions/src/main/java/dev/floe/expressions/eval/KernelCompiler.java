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
import dev.floe.expressions.Between;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.Case;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.InList;
import dev.floe.expressions.Like;
import dev.floe.expressions.NullLiteral;
import dev.floe.expressions.TryCast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Turns a coerced expression (every operator's operands of one type, see {@link TypeChecker#coerce}, except
 * that DECIMALs of different precision and scale meet uncast: their kernels rescale exactly) into a tree of
 * kernels, one per node; Alias and identity casts disappear. If building fails half-way,
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
        if (e instanceof NullLiteral) {
            return new LiteralKernel(new Literal(null, NullLiteral.DEFAULT_TYPE), allocator);
        }
        if (e instanceof TryCast c) {
            Kernel in = build(c.input(), schema, allocator);
            return in.type() == c.type() ? in : guard(() -> tryCast(c, in, allocator), in);
        }
        if (e instanceof Between b) {
            // x BETWEEN lo AND hi is (x >= lo AND x <= hi) in SQL's three-valued logic; x is read twice
            return build(new Binary(BinaryOp.AND, new Binary(BinaryOp.GE, b.input(), b.low()),
                    new Binary(BinaryOp.LE, b.input(), b.high())), schema, allocator);
        }
        if (e instanceof InList in) {
            List<Kernel> kids = buildAll(inListParts(in), schema, allocator);
            return guard(() -> new InKernel(in, kids.get(0), kids.subList(1, kids.size()), allocator), kids);
        }
        if (e instanceof Case c) {
            if (c.operand() != null) {
                throw new IllegalStateException("a simple CASE should have been made searched by TypeChecker.coerce: " + c.toSql());
            }
            List<Expr> parts = new ArrayList<>();
            c.branches().forEach(w -> parts.add(w.condition()));
            c.branches().forEach(w -> parts.add(w.result()));
            if (c.otherwise() != null) {
                parts.add(c.otherwise());
            }
            List<Kernel> kids = buildAll(parts, schema, allocator);
            int k = c.branches().size();
            return guard(() -> CaseKernel.searched(c.outputName(), kids.subList(0, k), kids.subList(k, 2 * k),
                    c.otherwise() == null ? null : kids.get(2 * k), allocator), kids);
        }
        if (e instanceof Like l) {
            Kernel in = build(l.input(), schema, allocator);
            return guard(() -> new LikeKernel(l, in, allocator), in);
        }
        if (e instanceof FunctionCall f) {
            return FunctionKernels.build(f, x -> build(x, schema, allocator), allocator);
        }
        if (e instanceof AggregateCall call) {
            throw new PlanException("aggregate " + call.toSql() + " cannot be evaluated row by row");
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getName());
    }

    private static Kernel binary(Binary b, Kernel left, Kernel right, BufferAllocator allocator) {
        if (left.type().isDecimal() && right.type().isDecimal()) {
            // DECIMALs of different precision and scale meet uncast: the kernels rescale exactly
            return switch (b.op()) {
                case EQ, NE, LT, LE, GT, GE -> new ComparisonKernel(b, left, right, allocator);
                case ADD, SUB, MUL, MOD -> new DecimalArithmeticKernel(b,
                        TypeChecker.decimalResultType(b, left.type(), right.type()), left, right, allocator);
                default -> throw new IllegalStateException("no DECIMAL kernel for " + b.toSql()
                        + "; TypeChecker.coerce should have rejected it or cast the operands");
            };
        }
        if (left.type() != right.type()) {
            throw new IllegalStateException("operands of " + b.toSql() + " were not coerced to one type: "
                    + left.type() + ", " + right.type());
        }
        return switch (b.op()) {
            case AND -> LogicalKernel.and(b.outputName(), left, right, allocator);
            case OR -> LogicalKernel.or(b.outputName(), left, right, allocator);
            case EQ, NE, LT, LE, GT, GE -> new ComparisonKernel(b, left, right, allocator);
            case CONCAT -> new ConcatKernel(b.outputName(), List.of(left, right), false, allocator);
            case ADD, SUB, MUL, DIV, MOD, INT_DIV -> left.type() == FloeType.INT64
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
        if (DecimalCastKernel.supports(in.type(), c.type())) {
            return new DecimalCastKernel(c, in, false, allocator);
        }
        if (CastKernel.supports(in.type(), c.type())) {
            return new CastKernel(c, in, allocator);
        }
        throw new PlanException("cannot cast " + in.type().sqlName() + " to " + c.type().sqlName() + " in " + c.toSql());
    }

    private static Kernel tryCast(TryCast c, Kernel in, BufferAllocator allocator) {
        Cast plain = new Cast(c.input(), c.type());
        if (c.type() == FloeType.STRING) {
            return new FormatKernel(plain, in, allocator);
        }
        if (in.type() == FloeType.STRING) {
            return new ParseKernel(plain, in, true, allocator);
        }
        if (DecimalCastKernel.supports(in.type(), c.type())) {
            return new DecimalCastKernel(plain, in, true, allocator);
        }
        if (CastKernel.supports(in.type(), c.type())) {
            return new CastKernel(plain, in, true, allocator);
        }
        throw new PlanException("cannot cast " + in.type().sqlName() + " to " + c.type().sqlName() + " in " + c.toSql());
    }

    private static List<Expr> inListParts(InList in) {
        List<Expr> out = new ArrayList<>();
        out.add(in.input());
        out.addAll(in.values());
        return out;
    }

    /** Builds every expression's kernel; if one fails, the ones built are closed. */
    static List<Kernel> buildAll(List<Expr> exprs, Function<Expr, Kernel> build) {
        List<Kernel> out = new ArrayList<>();
        try {
            for (Expr x : exprs) {
                out.add(build.apply(x));
            }
        } catch (RuntimeException | Error e) {
            out.forEach(Kernel::close);
            throw e;
        }
        return out;
    }

    private static List<Kernel> buildAll(List<Expr> exprs, Schema schema, BufferAllocator allocator) {
        return buildAll(exprs, x -> build(x, schema, allocator));
    }

    /** {@code make.get()}, closing {@code inputs} if it fails. */
    static Kernel guard(Supplier<Kernel> make, List<Kernel> inputs) {
        return guard(make, inputs.toArray(new Kernel[0]));
    }

    /** {@code make.get()}, closing {@code inputs} if it fails. */
    static Kernel guard(Supplier<Kernel> make, Kernel... inputs) {
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
