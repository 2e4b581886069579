package dev.floe.dataframe;

import dev.floe.testdata.TimeseriesGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Answers questions about a generated timeseries table by a plain single-threaded loop over the
 * generator's rows — no CSV, no Arrow, no Floe — so that Floe's answers can be checked against it.
 * Values are exact: {@code value} is summed as integer micro-units.
 */
final class TimeseriesOracle {
    /** One row of the table as primitives. */
    record Row(long epochSecond, int id, int nameIndex, long valueMicros, long xMicros) {
        int hour() {
            return (int) Math.floorMod(epochSecond, 86_400L) / 3600;
        }

        double value() {
            return valueMicros / 1e6;
        }

        double x() {
            return xMicros / 1e6;
        }

        String name() {
            return TimeseriesGenerator.name(nameIndex);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    TimeseriesOracle(TimeseriesGenerator.Spec spec) {
        for (int f = 0; f < spec.files(); f++) {
            TimeseriesGenerator.forEachRow(spec, f, (s, id, n, v, x) -> rows.add(new Row(s, id, n, v, x)));
        }
    }

    List<Row> rows() {
        return rows;
    }

    /** The exact mean of value per hour (NaN for an hour with no rows), over rows passing the filter. */
    double[] hourlyMeans(LongPredicate valueMicrosFilter) {
        long[] sums = new long[24];
        long[] counts = new long[24];
        for (Row r : rows) {
            if (valueMicrosFilter.test(r.valueMicros())) {
                sums[r.hour()] += r.valueMicros();
                counts[r.hour()]++;
            }
        }
        double[] means = new double[24];
        for (int h = 0; h < 24; h++) {
            means[h] = counts[h] == 0 ? Double.NaN : (double) sums[h] / counts[h] / 1e6;
        }
        return means;
    }
}
