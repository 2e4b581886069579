package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** A call of a built-in scalar function: {@code lower(name)}, {@code round(value, 2)}, {@code date_trunc('hour', ts)}. */
public record FunctionCall(ScalarFunction function, List<Expr> args) implements Expr {
    public FunctionCall {
        requireNonNull(function, "function is null");
        args = List.copyOf(requireNonNull(args, "args is null"));
        if (args.size() < function.minArity() || args.size() > function.maxArity()) {
            throw new IllegalArgumentException(function.sqlName() + "() takes "
                    + (function.minArity() == function.maxArity() ? String.valueOf(function.minArity())
                    : function.maxArity() == Integer.MAX_VALUE ? "at least " + function.minArity()
                    : function.minArity() + " to " + function.maxArity())
                    + " arguments, not " + args.size() + ": " + args);
        }
    }

    public FunctionCall(ScalarFunction function, Expr... args) {
        this(function, List.of(args));
    }

    public Expr arg(int i) {
        return args.get(i);
    }

    @Override
    public String toSql() {
        return function.sqlName() + args.stream().map(Expr::toSql).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String toString() {
        return toSql();
    }
}
