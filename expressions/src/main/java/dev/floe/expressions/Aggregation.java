package dev.floe.expressions;

import java.io.Serializable;

/**
 * A user-defined aggregate, in three steps like Dask's {@code Aggregation(chunk, agg, finalize)}:
 * {@link #update} folds one value into a group's state (within a partition), {@link #merge} folds two
 * partial states (across partitions, as a tree), and {@link #finish} turns a state into the result.
 *
 * <pre>{@code
 * Aggregation<long[]> range = Aggregation.of("range", FloeType.INT64,
 *         () -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE},
 *         (s, v) -> { long x = (Long) v; s[0] = Math.min(s[0], x); s[1] = Math.max(s[1], x); return s; },
 *         (a, b) -> { a[0] = Math.min(a[0], b[0]); a[1] = Math.max(a[1], b[1]); return a; },
 *         s -> s[1] - s[0]);
 * df.groupBy("name").agg(custom(range, col("id")).as("id_range"));
 * }</pre>
 *
 * <p>Rules: {@code create} makes an empty state; {@code update} receives non-NULL values only, in the
 * {@link Values#get} form of the input's type (Long, Double, String, ...), in file order within a
 * partition; {@code merge(left, right)} gets states whose rows come in that order (left before right),
 * and may return either, mutated; {@code finish} returns a value in the {@link Values#get} form of
 * {@link #resultType()}, or null for NULL. States must be {@link Serializable} to travel between
 * machines. This is the general path: one object per value.
 */
public interface Aggregation<S> extends Serializable {
    String name();

    FloeType resultType();

    S create();

    S update(S state, Object value);

    S merge(S left, S right);

    Object finish(S state);

    /** An aggregation from its parts. */
    static <S> Aggregation<S> of(String name, FloeType resultType, Create<S> create, Update<S> update, Merge<S> merge,
            Finish<S> finish) {
        return new Aggregation<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FloeType resultType() {
                return resultType;
            }

            @Override
            public S create() {
                return create.create();
            }

            @Override
            public S update(S state, Object value) {
                return update.update(state, value);
            }

            @Override
            public S merge(S left, S right) {
                return merge.merge(left, right);
            }

            @Override
            public Object finish(S state) {
                return finish.finish(state);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @FunctionalInterface
    interface Create<S> extends Serializable {
        S create();
    }

    @FunctionalInterface
    interface Update<S> extends Serializable {
        S update(S state, Object value);
    }

    @FunctionalInterface
    interface Merge<S> extends Serializable {
        S merge(S left, S right);
    }

    @FunctionalInterface
    interface Finish<S> extends Serializable {
        Object finish(S state);
    }
}
