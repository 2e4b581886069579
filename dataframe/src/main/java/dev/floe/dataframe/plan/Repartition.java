package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import java.util.List;

/** The same rows, in the same order, spread over {@code partitions} partitions of about equal size. */
public record Repartition(LogicalPlan input, int partitions) implements LogicalPlan {
    public Repartition {
        requireNonNull(input, "input is null");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
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
        return "Repartition " + partitions;
    }
}
