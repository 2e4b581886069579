package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Field;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Computes one column per expression, named by {@link Expr#outputName()}. */
public record Project(LogicalPlan input, List<Expr> exprs) implements LogicalPlan {
    public Project {
        requireNonNull(input, "input is null");
        exprs = List.copyOf(requireNonNull(exprs, "exprs is null"));
    }

    @Override
    public Schema deriveSchema() {
        Schema in = input.schema();
        List<Field> fields = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            fields.add(new Field(e.outputName(), TypeChecker.typeOf(e, in)));
        }
        return PlanSchemas.unique(fields, "select");
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Project " + exprs.stream().map(Expr::toSql).collect(Collectors.joining(", "));
    }
}
