package dev.floe.sql;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.AggregateFunction;
import dev.floe.expressions.DatePart;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.Literal;
import dev.floe.expressions.ScalarFunction;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The functions SQL can call, by lower-case name, and the expression each call builds. {@code count(*)},
 * {@code CAST} and {@code EXTRACT} have their own syntax and are handled by the parser; {@code count_star()}
 * is how {@code count(*)} prints, so it parses too. To add a function, add a line here.
 */
public final class SqlFunctions {
    /** A function taking {@code minArity..maxArity} arguments; {@code aggregate} functions may not nest or appear in WHERE. */
    record SqlFunction(String name, int minArity, int maxArity, boolean aggregate, Function<List<Expr>, Expr> build) {
    }

    private static final Map<String, SqlFunction> FUNCTIONS = new TreeMap<>();
    private static final Set<String> DATE_PARTS = new java.util.TreeSet<>();

    static {
        for (DatePart.Unit unit : DatePart.Unit.values()) {
            scalar(unit.sqlName(), 1, args -> new DatePart(unit, args.get(0)));
            DATE_PARTS.add(unit.sqlName());
        }
        FUNCTIONS.put("count_star", new SqlFunction("count_star", 0, 0, true, args -> Expressions.countStar()));
        aggregate("count", AggregateFunction.COUNT);
        aggregate("sum", AggregateFunction.SUM);
        aggregate("avg", AggregateFunction.MEAN);
        aggregate("mean", AggregateFunction.MEAN);
        aggregate("min", AggregateFunction.MIN);
        aggregate("max", AggregateFunction.MAX);
        aggregate("stddev", AggregateFunction.STDDEV);
        aggregate("stddev_samp", AggregateFunction.STDDEV);
        aggregate("variance", AggregateFunction.VARIANCE);
        aggregate("var_samp", AggregateFunction.VARIANCE);
        aggregate("first", AggregateFunction.FIRST);
        aggregate("last", AggregateFunction.LAST);
        aggregate("count_distinct", AggregateFunction.NUNIQUE);
        for (ScalarFunction f : ScalarFunction.values()) {
            function(f.sqlName(), f);
        }
        // the names DuckDB also accepts
        function("power", ScalarFunction.POW);
        function("ceiling", ScalarFunction.CEIL);
        function("substr", ScalarFunction.SUBSTRING);
        function("datediff", ScalarFunction.DATE_DIFF);
        function("datetrunc", ScalarFunction.DATE_TRUNC);
        function("strlen", ScalarFunction.LENGTH);
        // regexp_matches finds the pattern anywhere; regexp_full_match must match the whole string (DuckDB)
        FUNCTIONS.put("regexp_full_match", new SqlFunction("regexp_full_match", 2, 2, false, SqlFunctions::fullMatch));
        DatePart.Unit[] aliasParts = {DatePart.Unit.WEEK_OF_YEAR, DatePart.Unit.DAY};
        String[] aliasNames = {"weekofyear", "dayofmonth"};
        for (int i = 0; i < aliasNames.length; i++) {
            DatePart.Unit unit = aliasParts[i];
            scalar(aliasNames[i], 1, args -> new DatePart(unit, args.get(0)));
        }
        function("ifnull", ScalarFunction.COALESCE);
    }

    private static void function(String name, ScalarFunction f) {
        FUNCTIONS.put(name, new SqlFunction(name, f.minArity(), f.maxArity(), false, args -> new FunctionCall(f, args)));
    }

    private SqlFunctions() {
    }

    /** regexp_full_match(s, p): regexp_matches with the (constant) pattern anchored at both ends of s. */
    private static Expr fullMatch(List<Expr> args) {
        Expr pattern = args.get(1);
        if (pattern instanceof Literal l && l.value() instanceof String p) {
            pattern = new Literal("\\A(?:" + p + ")\\z", FloeType.STRING);
        }
        return new FunctionCall(ScalarFunction.REGEXP_MATCHES, List.of(args.get(0), pattern));
    }

    private static void scalar(String name, int arity, Function<List<Expr>, Expr> build) {
        FUNCTIONS.put(name, new SqlFunction(name, arity, arity, false, build));
    }

    private static void aggregate(String name, AggregateFunction function) {
        FUNCTIONS.put(name, new SqlFunction(name, 1, 1, true, args -> new AggregateCall(function, args.get(0))));
    }

    /** The function called {@code name} (lower case), or null. */
    static SqlFunction lookup(String name) {
        return FUNCTIONS.get(name);
    }

    /** Every function name SQL knows, sorted (for completion and messages). */
    public static List<String> names() {
        List<String> names = new ArrayList<>(FUNCTIONS.keySet());
        names.add("extract");
        names.sort(Comparator.naturalOrder());
        return names;
    }

    static boolean isDatePart(String name) {
        return DATE_PARTS.contains(name);
    }

    static Set<String> datePartNames() {
        return DATE_PARTS;
    }

    static String arityMessage(SqlFunction f, int got) {
        String takes = f.minArity() == f.maxArity() ? Integer.toString(f.minArity())
                : f.maxArity() == Integer.MAX_VALUE ? "at least " + f.minArity()
                : f.minArity() + " to " + f.maxArity();
        boolean one = f.minArity() == 1 && f.maxArity() == 1;
        return f.name() + "() takes " + takes + " argument" + (one ? "" : "s") + " but got " + got;
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
