package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.Expr;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.io.Serializable;
import java.util.List;

/**
 * A join resolved for execution: key expressions and types, the columns each side's batches actually
 * have, which right columns go to the output, and the output's columns.
 */
record JoinSpec(JoinType type, List<Expr> leftKeys, List<Expr> rightKeys, List<FloeType> keyTypes,
        Schema left, Schema right, List<String> rightColumns, Schema output) implements Serializable {

    /** Whether the keys are one primitive-backed value (the fast path). */
    boolean singleLongKey() {
        return keyTypes.size() == 1 && keyTypes.get(0) != FloeType.STRING && keyTypes.get(0) != FloeType.FLOAT64;
    }
}
