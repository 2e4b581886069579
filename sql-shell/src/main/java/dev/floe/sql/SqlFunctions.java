package dev.floe.sql;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.AggregateFunction;
import dev.floe.expressions.DatePart;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.TypeChecker;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The functions SQL can call, by lower-case name, and the expression each call builds. {@code count(*)}
 * and {@code CAST} have their own syntax and are handled by the parser; {@code count_star()} is how
 * {@code count(*)} prints, so it parses too. To add a function, add a line here.
 */
final class SqlFunctions {
    /** A function taking {@code arity} arguments; {@code aggregate} functions may not nest or appear in WHERE. */
    record SqlFunction(String name, int arity, boolean aggregate, Function<List<Expr>, Expr> build) {
    }

    private static final Map<String, SqlFunction> FUNCTIONS = new TreeMap<>();

    static {
        for (DatePart.Unit unit : DatePart.Unit.values()) {
            scalar(unit.sqlName(), args -> new DatePart(unit, args.get(0)));
        }
        FUNCTIONS.put("count_star", new SqlFunction("count_star", 0, true, args -> Expressions.countStar()));
        aggregate("count", AggregateFunction.COUNT);
        aggregate("sum", AggregateFunction.SUM);
        aggregate("avg", AggregateFunction.MEAN);
        aggregate("mean", AggregateFunction.MEAN);
        aggregate("min", AggregateFunction.MIN);
        aggregate("max", AggregateFunction.MAX);
    }

    private SqlFunctions() {
    }

    private static void scalar(String name, Function<List<Expr>, Expr> build) {
        FUNCTIONS.put(name, new SqlFunction(name, 1, false, build));
    }

    private static void aggregate(String name, AggregateFunction function) {
        FUNCTIONS.put(name, new SqlFunction(name, 1, true, args -> new AggregateCall(function, args.get(0))));
    }

    /** The function called {@code name} (lower case), or null. */
    static SqlFunction lookup(String name) {
        return FUNCTIONS.get(name);
    }

    /** "unknown function 'houre'; did you mean 'hour'? Functions: avg, count, ..." */
    static String unknown(String name) {
        StringBuilder sb = new StringBuilder("unknown function '").append(name).append("'");
        String nearest = FUNCTIONS.keySet().stream()
                .min(Comparator.comparingInt((String n) -> TypeChecker.editDistance(n, name)))
                .orElseThrow();
        if (TypeChecker.editDistance(nearest, name) <= Math.max(2, name.length() / 3)) {
            sb.append("; did you mean '").append(nearest).append("'?");
        } else {
            sb.append('.');
        }
        return sb.append(" Functions: ").append(String.join(", ", FUNCTIONS.keySet())).toString();
    }
}
