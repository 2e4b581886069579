package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.BatchFunction;
import dev.floe.expressions.Schema;
import java.util.List;

/** User code that turns each batch into a batch of a declared schema. */
public record MapBatches(LogicalPlan input, Schema output, BatchFunction function) implements LogicalPlan {
    public MapBatches {
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(function, "function is null");
    }

    @Override
    public Schema deriveSchema() {
        input.schema();
        return output;
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "MapBatches -> " + output;
    }
}
