package dev.floe.dataframe.exec;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Schema;
import java.io.Serializable;
import java.util.List;

/** A row-wise step of a partition, not yet compiled: what a task turns into a {@link RowOperator}. */
sealed interface RowStep extends Serializable {
    record Filter(Expr predicate, Schema input) implements RowStep {
    }

    record Project(List<Expr> exprs, Schema input, Schema output) implements RowStep {
    }

    /** User code over each batch. */
    record Map(dev.floe.dataframe.BatchFunction function, Schema output) implements RowStep {
    }

    /** Joins each batch with the build side that task {@code buildKey} made. */
    record Probe(JoinSpec join, String buildKey) implements RowStep {
    }

    /** The task this step reads, or null. */
    default String dependency() {
        return this instanceof Probe p ? p.buildKey() : null;
    }
}
