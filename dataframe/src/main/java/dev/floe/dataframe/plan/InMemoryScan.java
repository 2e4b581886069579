package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import java.util.List;

/** Reads partitions already computed and held in memory ({@code persist()}, or a table). */
public record InMemoryScan(InMemoryData data) implements LogicalPlan {
    public InMemoryScan {
        requireNonNull(data, "data is null");
    }

    @Override
    public Schema deriveSchema() {
        return data.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        return "InMemoryScan " + data.describe();
    }
}
