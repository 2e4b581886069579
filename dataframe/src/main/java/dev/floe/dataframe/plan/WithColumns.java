package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Alias;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every input column, with {@code columns} added (or replacing the input column of the same name, in
 * its place). Kept as its own node so that building it needs no schema; it runs as the {@link Project}
 * that {@link #toProject()} gives.
 */
public record WithColumns(LogicalPlan input, List<Alias> columns) implements LogicalPlan {
    public WithColumns {
        requireNonNull(input, "input is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public Project toProject() {
        List<Expr> exprs = new ArrayList<>();
        List<Alias> added = new ArrayList<>(columns);
        for (String name : input.schema().names()) {
            Alias replacement = added.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
            exprs.add(replacement != null ? replacement : Expressions.col(name));
            added.remove(replacement);
        }
        exprs.addAll(added);
        return new Project(input, exprs);
    }

    @Override
    public Schema deriveSchema() {
        return toProject().schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "WithColumns " + columns.stream().map(Expr::toSql).collect(Collectors.joining(", "));
    }
}
