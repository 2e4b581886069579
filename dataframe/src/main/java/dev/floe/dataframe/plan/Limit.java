package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import java.util.List;

/** The first {@code limit} rows after skipping {@code offset}. */
public record Limit(LogicalPlan input, long limit, long offset) implements LogicalPlan {
    public Limit {
        requireNonNull(input, "input is null");
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must be >= 0, got limit " + limit + " offset " + offset);
        }
    }

    @Override
    public Schema deriveSchema() {
        return input.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Limit " + limit + (offset > 0 ? " offset " + offset : "");
    }
}
