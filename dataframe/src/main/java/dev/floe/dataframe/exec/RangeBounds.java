package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The boundaries of a range-partitioned sort: {@code ranges - 1} keys in sort order, so that range
 * {@code i} holds the rows whose key lies in {@code (bound[i-1], bound[i]]} (the first range everything
 * up to {@code bound[0]}, the last everything above the last bound). Rows with equal keys always fall in
 * one range, so a range can be larger than the others when one key is very common (the sort of that
 * range then spills); bounds may repeat, leaving empty ranges.
 *
 * <p>Chosen as Spark's RangePartitioner does: every sampled key weighs as many rows as its partition
 * has per sampled key; the keys are sorted and a bound is placed each time the running weight passes
 * another {@code 1/ranges} of the total.
 */
record RangeBounds(List<Object[]> bounds, List<Sort.Key> keys) {

    static RangeBounds choose(List<KeySampleSink.Sample> samples, int ranges, List<Sort.Key> keys) {
        record Weighted(Object[] key, double weight) {
        }
        List<Weighted> all = new ArrayList<>();
        double total = 0;
        for (KeySampleSink.Sample s : samples) {
            if (s.keys().isEmpty()) {
                continue;
            }
            double w = (double) s.rows() / s.keys().size();
            for (Object[] k : s.keys()) {
                all.add(new Weighted(k, w));
            }
            total += s.rows();
        }
        Comparator<Object[]> order = (a, b) -> SortKeys.compareValues(a, b, keys);
        all.sort((a, b) -> order.compare(a.key(), b.key()));
        List<Object[]> bounds = new ArrayList<>();
        double step = total / ranges;
        double cumulative = 0;
        for (Weighted w : all) {
            cumulative += w.weight();
            while (bounds.size() < ranges - 1 && cumulative >= step * (bounds.size() + 1)) {
                bounds.add(w.key());
            }
        }
        return new RangeBounds(List.copyOf(bounds), keys);
    }

    int ranges() {
        return bounds.size() + 1;
    }

    /** The range of row {@code row} of the batch whose keys {@code k} holds: the first bound at or above it. */
    int rangeOf(SortKeys k, int row) {
        int lo = 0;
        int hi = bounds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (k.compareTo(row, bounds.get(mid)) <= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
