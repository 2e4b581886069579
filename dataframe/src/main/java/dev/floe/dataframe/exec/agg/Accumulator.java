package dev.floe.dataframe.exec.agg;

import java.io.Serializable;
import org.apache.arrow.vector.FieldVector;

/**
 * The state of one aggregate for every group of a partition, and the three steps of a tree reduction.
 *
 * <pre>
 *   partition 0 ─ update(batch)... ─┐
 *   partition 1 ─ update(batch)... ─┼─ merge (splitEvery at a time, as a tree) ─ ... ─ evaluate ─► column
 *   partition 2 ─ update(batch)... ─┘
 * </pre>
 *
 * <p>Rules: {@link #resize} is called with the group table's size before every {@link #update} and
 * {@link #merge}, so that every group id passed in is below it. {@code update} reads the aggregate's
 * input vector (null for {@code count(*)}) for rows {@code 0..rows-1}, row i belonging to group
 * {@code groupIds[i]}; it must not keep the vector. {@code merge} folds in another accumulator of the
 * same class, its group g becoming group {@code mapping[g]} (groups mapped to -1 are left out); the
 * other one is not used afterwards.
 * {@code evaluate} writes one value per group into an allocated-or-empty vector of the result type and
 * sets its value count. State is on the heap in primitive arrays indexed by group id (each class
 * documents its layout), so an accumulator is serialisable and holds no Arrow memory.
 */
public interface Accumulator extends Serializable {
    void resize(int groups);

    void update(int[] groupIds, int rows, FieldVector input);

    void merge(Accumulator other, int[] mapping);

    void evaluate(FieldVector out, int groups);
}
