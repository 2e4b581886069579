package dev.floe.dataframe.plan;

import dev.floe.expressions.ExprTrees;
import static java.util.Objects.requireNonNull;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Field;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Groups rows by {@code keys} and computes each aggregate per group: output columns are the keys, then
 * the aggregates, named by their aliases. With no keys it reduces the whole input to one row.
 *
 * <p>Each aggregate is an {@link Alias} of an {@link AggregateCall} (expressions over aggregates, like
 * {@code sum(x) / count(x)}, are split by the DataFrame into this node plus a {@link Project}).
 */
public record Aggregate(LogicalPlan input, List<Expr> keys, List<Alias> aggregates) implements LogicalPlan {
    public Aggregate {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        for (Alias a : aggregates) {
            if (!(a.input() instanceof AggregateCall)) {
                throw new IllegalArgumentException("not an aggregate call: " + a.toSql());
            }
        }
    }

    public AggregateCall call(int i) {
        return (AggregateCall) aggregates.get(i).input();
    }

    @Override
    public Schema deriveSchema() {
        Schema in = input.schema();
        List<Field> fields = new ArrayList<>();
        for (Expr k : keys) {
            if (containsAggregate(k)) {
                throw new PlanException("a group key cannot contain an aggregate: " + k.toSql());
            }
            fields.add(new Field(k.outputName(), TypeChecker.typeOf(k, in)));
        }
        for (int i = 0; i < aggregates.size(); i++) {
            AggregateCall call = call(i);
            if (call.input() != null && containsAggregate(call.input())) {
                throw new PlanException("aggregates cannot be nested: " + call.toSql());
            }
            fields.add(new Field(aggregates.get(i).name(), TypeChecker.aggregateType(call, in)));
        }
        return PlanSchemas.unique(fields, "aggregation");
    }

    /** Whether {@code e} has an aggregate call anywhere inside it. */
    public static boolean containsAggregate(Expr e) {
        return ExprTrees.containsAggregate(e);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Aggregate keys=[" + keys.stream().map(Expr::toSql).collect(Collectors.joining(", "))
                + "] aggregates=[" + aggregates.stream().map(Expr::toSql).collect(Collectors.joining(", ")) + "]";
    }
}
