package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.eval.Decimals;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Numeric aggregate inputs read as doubles in place: BIGINT, DOUBLE or DECIMAL(p,s) (for std, var and
 * quantiles, whose results are DOUBLE). A DECIMAL whose unscaled value fits in a long becomes
 * {@code unscaled / 10^s} with no object (correctly rounded while the unscaled value is below 2^53);
 * wider values go through BigDecimal.
 */
final class DecimalInput {
    /** The {@code scale} argument for a BIGINT input; {@link #DOUBLE} for a DOUBLE one. */
    static final int LONG = -1;
    static final int DOUBLE = -2;

    private static final double[] POWERS = new double[FloeType.MAX_DECIMAL_PRECISION + 1];

    static {
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = Double.parseDouble("1e" + i);
        }
    }

    private DecimalInput() {
    }

    /** {@link #LONG}, {@link #DOUBLE} or the scale of a DECIMAL type. */
    static int kindOf(FloeType type) {
        return switch (type.kind()) {
            case DECIMAL -> type.scale();
            case FLOAT64 -> DOUBLE;
            case INT64 -> LONG;
            case BOOLEAN, STRING, TIMESTAMP, DATE -> throw new IllegalArgumentException(
                    "a numeric aggregate input must be BIGINT, DOUBLE or DECIMAL, got " + type.sqlName());
        };
    }

    /** Row {@code row} of a vector of the kind {@code kind} ({@link #kindOf}), as a double. */
    static double get(ArrowBuf data, int row, int kind) {
        if (kind == DOUBLE) {
            return data.getDouble((long) row * 8);
        }
        if (kind == LONG) {
            return data.getLong((long) row * 8);
        }
        long low = Decimals.low(data, row);
        long high = Decimals.high(data, row);
        if (Decimals.fitsLong(high, low)) {
            return low / POWERS[kind];
        }
        return Decimals.toBigDecimal(high, low, kind).doubleValue();
    }
}
