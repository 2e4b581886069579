package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.util.List;

/** Keeps the rows for which {@code predicate} is TRUE (not FALSE, not NULL). */
public record Filter(LogicalPlan input, dev.floe.expressions.Expr predicate) implements LogicalPlan {
    public Filter {
        requireNonNull(input, "input is null");
        requireNonNull(predicate, "predicate is null");
    }

    @Override
    public Schema deriveSchema() {
        Schema schema = input.schema();
        FloeType type = TypeChecker.typeOf(predicate, schema);
        if (type != FloeType.BOOLEAN) {
            throw new PlanException("a filter needs a BOOLEAN condition but " + predicate.toSql() + " is "
                    + type.sqlName());
        }
        return schema;
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Filter " + predicate.toSql();
    }
}
