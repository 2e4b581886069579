package dev.floe.expressions.eval;

import dev.floe.expressions.Binary;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.Case;
import dev.floe.expressions.DateUnit;
import dev.floe.expressions.Expr;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.Intervals;
import dev.floe.expressions.Literal;
import dev.floe.expressions.ScalarFunction;
import dev.floe.expressions.TypeChecker;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The kernel of each {@link ScalarFunction} call. Constant arguments that steer a kernel (a unit, an
 * interval, a regular expression, a group) are read from the expression here, at compile time, and get no
 * kernel of their own.
 */
final class FunctionKernels {
    private FunctionKernels() {
    }

    static Kernel build(FunctionCall f, Function<Expr, Kernel> build, BufferAllocator allocator) {
        String name = f.outputName();
        List<Expr> args = f.args();
        switch (f.function()) {
            case NULLIF -> {
                // nullif(a, b) = CASE WHEN a = b THEN NULL ELSE a END
                Kernel a = build.apply(args.get(0));
                FloeType t = a.type();
                a.close();
                return build.apply(new Case(null, List.of(new Case.When(new Binary(BinaryOp.EQ, args.get(0), args.get(1)),
                        new Literal(null, t))), args.get(0)));
            }
            case DATE_TRUNC -> {
                DateUnit unit = DateUnit.parse(constantString(args.get(0)));
                Kernel ts = build.apply(args.get(1));
                return KernelCompiler.guard(() -> DateTruncKernel.truncate(name, unit, ts, allocator), ts);
            }
            case TIME_BUCKET -> {
                long width = Intervals.parseMicros(constantString(args.get(0)));
                List<Kernel> kids = KernelCompiler.buildAll(args.subList(1, args.size()), build);
                return KernelCompiler.guard(() -> DateTruncKernel.bucket(name, width, kids.get(0),
                        kids.size() > 1 ? kids.get(1) : null, allocator), kids);
            }
            case DATE_DIFF -> {
                DateUnit unit = DateUnit.parse(constantString(args.get(0)));
                List<Kernel> kids = KernelCompiler.buildAll(args.subList(1, 3), build);
                return KernelCompiler.guard(() -> new DateDiffKernel(f, unit, kids.get(0), kids.get(1), allocator), kids);
            }
            case DATE_ADD -> {
                DateUnit unit = DateUnit.parse(constantString(args.get(0)));
                List<Kernel> kids = KernelCompiler.buildAll(args.subList(1, 3), build);
                return KernelCompiler.guard(() -> new DateAddKernel(f, unit, kids.get(0), kids.get(1), allocator), kids);
            }
            case REGEXP_MATCHES, REGEXP_EXTRACT -> {
                String pattern = constantString(args.get(1));
                int group = args.size() > 2 ? (int) (long) (Long) ((Literal) args.get(2)).value() : 0;
                Kernel s = build.apply(args.get(0));
                return KernelCompiler.guard(() -> new RegexKernel(f, pattern, group, s, allocator), s);
            }
            default -> {
                List<Kernel> kids = KernelCompiler.buildAll(args, build);
                return KernelCompiler.guard(() -> simple(f, kids, allocator), kids);
            }
        }
    }

    private static Kernel simple(FunctionCall f, List<Kernel> kids, BufferAllocator allocator) {
        String name = f.outputName();
        Kernel x = kids.get(0);
        Kernel y = kids.size() > 1 ? kids.get(1) : null;
        return switch (f.function()) {
            case ABS, ROUND, FLOOR, CEIL, SQRT, LN, LOG10, EXP, POW -> new MathKernel(f, x, y,
                    TypeChecker.functionType(f, kids.stream().map(Kernel::type).toList()), allocator);
            case COALESCE -> CaseKernel.coalesce(name, kids, allocator);
            case LOWER, UPPER, TRIM, LTRIM, RTRIM -> new StringMapKernel(f.function(), name, x, allocator);
            case LENGTH -> new LengthKernel(name, x, allocator);
            case SUBSTRING -> new SubstringKernel(name, x, y, kids.size() > 2 ? kids.get(2) : null, allocator);
            case CONCAT -> new ConcatKernel(name, kids, true, allocator);
            case REPLACE -> new ReplaceKernel(name, x, y, kids.get(2), allocator);
            case LPAD, RPAD -> new PadKernel(f, x, y, kids.get(2), allocator);
            case CONTAINS, STARTS_WITH, ENDS_WITH -> new StringPredicateKernel(f.function(), name, x, y, allocator);
            default -> throw new IllegalStateException("no kernel for " + f.toSql());
        };
    }

    private static String constantString(Expr e) {
        if (e instanceof Literal l && l.value() instanceof String s) {
            return s;
        }
        throw new IllegalStateException("expected a VARCHAR constant, not " + e.toSql() + "; was the expression coerced?");
    }
}
