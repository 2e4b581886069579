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

    /**
     * Whether the keys are one value stored as a primitive integer (the fast path): BIGINT, TIMESTAMP,
     * DATE, BOOLEAN, or a DECIMAL of at most 18 digits (its unscaled long; both sides have one type, so
     * one scale). DOUBLE, VARCHAR and wider DECIMALs take the general path.
     */
    boolean singleLongKey() {
        if (keyTypes.size() != 1) {
            return false;
        }
        FloeType t = keyTypes.get(0);
        return switch (t.kind()) {
            case INT64, TIMESTAMP, DATE, BOOLEAN -> true;
            case DECIMAL -> t.precision() <= dev.floe.expressions.eval.Decimals.MAX_LONG_PRECISION;
            case FLOAT64, STRING -> false;
        };
    }
}
