package dev.floe.dataframe.exec;

import dev.floe.expressions.Schema;
import java.util.List;

/**
 * A lowered plan node: its partitions, not yet run, and the columns their batches have (the node's
 * schema, less the columns no one above reads).
 */
record Stage(List<PartitionPlan> partitions, Schema schema) {
    Stage {
        partitions = List.copyOf(partitions);
    }
}
