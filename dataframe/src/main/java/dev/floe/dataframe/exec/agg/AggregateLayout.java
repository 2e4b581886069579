package dev.floe.dataframe.exec.agg;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.AggregateFunction;
import dev.floe.expressions.Aggregation;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.io.Serializable;
import java.util.List;

/**
 * What an aggregation computes, resolved against its input schema: the key types, and for each
 * aggregate its function, input type and the text used in error messages. Enough to create empty
 * states anywhere — a plain serialisable value.
 */
public record AggregateLayout(List<FloeType> keyTypes, List<AggregateFunction> functions,
        List<FloeType> inputTypes, List<String> descriptions, List<Aggregation<?>> customs, List<String> inputs)
        implements Serializable {

    /** A layout of built-in aggregates only. */
    public AggregateLayout(List<FloeType> keyTypes, List<AggregateFunction> functions, List<FloeType> inputTypes,
            List<String> descriptions) {
        this(keyTypes, functions, inputTypes, descriptions, java.util.Collections.nCopies(functions.size(), null));
    }

    /** A layout whose aggregates' inputs are not known (no sharing of state between aggregates). */
    public AggregateLayout(List<FloeType> keyTypes, List<AggregateFunction> functions, List<FloeType> inputTypes,
            List<String> descriptions, List<Aggregation<?>> customs) {
        this(keyTypes, functions, inputTypes, descriptions, customs, java.util.Collections.nCopies(functions.size(), null));
    }

    /**
     * {@code inputs}: each aggregate's input expression as SQL text (null for count(*) or unknown):
     * aggregates over the same input may share state ({@link #sharedWith}).
     */
    public AggregateLayout {
        inputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(requireNonNull(inputs, "inputs is null")));
        customs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(requireNonNull(customs, "customs is null")));
        keyTypes = List.copyOf(requireNonNull(keyTypes, "keyTypes is null"));
        functions = List.copyOf(requireNonNull(functions, "functions is null"));
        inputTypes = List.copyOf(requireNonNull(inputTypes, "inputTypes is null"));
        descriptions = List.copyOf(requireNonNull(descriptions, "descriptions is null"));
    }

    public static AggregateLayout of(List<FloeType> keyTypes, List<AggregateCall> calls, Schema input) {
        List<FloeType> inputTypes = calls.stream()
                .map(c -> c.input() == null ? FloeType.INT64 : TypeChecker.typeOf(c.input(), input))
                .toList();
        return new AggregateLayout(keyTypes, calls.stream().map(AggregateCall::function).toList(), inputTypes,
                calls.stream().map(AggregateCall::toSql).toList(),
                calls.stream().<Aggregation<?>>map(AggregateCall::custom).collect(java.util.stream.Collectors.toList()),
                calls.stream().map(c -> c.input() == null ? null : c.input().toSql())
                        .collect(java.util.stream.Collectors.toList()));
    }

    /**
     * For aggregate {@code i}, the index of an earlier aggregate whose state it reads instead of keeping
     * its own, or -1: a quantile of an input an earlier quantile already sketches.
     */
    int sharedWith(int i) {
        if (!(customs.get(i) instanceof QuantileAggregation) || inputs.get(i) == null) {
            return -1;
        }
        for (int j = 0; j < i; j++) {
            if (customs.get(j) instanceof QuantileAggregation && inputs.get(i).equals(inputs.get(j))
                    && inputTypes.get(i) == inputTypes.get(j)) {
                return j;
            }
        }
        return -1;
    }

    public GroupTable newGroupTable() {
        if (keyTypes.isEmpty()) {
            return new NoKeyGroupTable();
        }
        if (keyTypes.size() == 1) {
            LongGroupTable.Kind kind = longKind(keyTypes.get(0));
            if (kind != null) {
                return new LongGroupTable(kind);
            }
        }
        return new GenericGroupTable(keyTypes.toArray(new FloeType[0]));
    }

    public Accumulator newAccumulator(int i) {
        FloeType in = inputTypes.get(i);
        return switch (functions.get(i)) {
            case COUNT_STAR -> new CountAccumulator(true);
            case COUNT -> new CountAccumulator(false);
            case SUM -> in.isDecimal() ? new DecimalSumAccumulator(descriptions.get(i), in.scale(), false)
                    : in == FloeType.INT64 ? new SumLongAccumulator(descriptions.get(i)) : new DoubleSumAccumulator(false);
            case MEAN -> in.isDecimal() ? new DecimalSumAccumulator(descriptions.get(i), in.scale(), true)
                    : new DoubleSumAccumulator(true);
            case MIN, MAX -> {
                boolean max = functions.get(i) == AggregateFunction.MAX;
                if (in == FloeType.FLOAT64) {
                    yield new MinMaxDoubleAccumulator(max);
                }
                if (in == FloeType.STRING) {
                    yield new MinMaxStringAccumulator(max);
                }
                if (in.isDecimal()) {
                    yield new MinMaxDecimalAccumulator(max);
                }
                yield new MinMaxLongAccumulator(max, longKind(in));
            }
            case STDDEV -> new VarianceAccumulator(true, DecimalInput.kindOf(in));
            case VARIANCE -> new VarianceAccumulator(false, DecimalInput.kindOf(in));
            case FIRST -> new FirstLastAccumulator(false, in);
            case LAST -> new FirstLastAccumulator(true, in);
            case NUNIQUE -> new CountDistinctAccumulator();
            case CUSTOM -> customs.get(i) instanceof QuantileAggregation qa && in.isNumeric()
                    ? new QuantileAccumulator(qa.q(), DecimalInput.kindOf(in))
                    : new CustomAccumulator<>(customs.get(i));
        };
    }

    /**
     * The primitive storage of a type, or null for DOUBLE, VARCHAR and DECIMAL wider than 18 digits (a
     * DECIMAL of 18 digits or fewer is its unscaled long).
     */
    static LongGroupTable.Kind longKind(FloeType type) {
        return switch (type.kind()) {
            case INT64 -> LongGroupTable.Kind.INT64;
            case TIMESTAMP -> LongGroupTable.Kind.TIMESTAMP;
            case DATE -> LongGroupTable.Kind.DATE;
            case BOOLEAN -> LongGroupTable.Kind.BOOLEAN;
            case DECIMAL -> type.precision() <= dev.floe.expressions.eval.Decimals.MAX_LONG_PRECISION
                    ? LongGroupTable.Kind.DECIMAL : null;
            case FLOAT64, STRING -> null;
        };
    }
}
