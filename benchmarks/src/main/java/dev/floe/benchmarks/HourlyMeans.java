package dev.floe.benchmarks;

import dev.floe.testdata.TimeseriesGenerator;
import java.util.Locale;
import java.util.stream.IntStream;

/** The answer of the end-to-end query: the mean of {@code value} for each hour of the day, 0 to 23. */
final class HourlyMeans {
    static final int HOURS = 24;

    private final double[] means;

    private HourlyMeans(double[] means) {
        this.means = means;
    }

    /** Builds the answer from result rows, checking that they are exactly the hours 0..23 in order. */
    static HourlyMeans fromRows(String engine, long rowCount, RowReader rows) throws Exception {
        if (rowCount != HOURS) {
            throw new IllegalStateException(engine + " returned " + rowCount + " rows, expected " + HOURS);
        }
        double[] means = new double[HOURS];
        for (int r = 0; r < HOURS; r++) {
            long hour = rows.hour(r);
            if (hour != r) {
                throw new IllegalStateException(engine + " row " + r + " has hour " + hour + ", expected " + r);
            }
            means[r] = rows.mean(r);
        }
        return new HourlyMeans(means);
    }

    /** Reads one result row; row indices are 0-based. */
    interface RowReader {
        long hour(int row) throws Exception;

        double mean(int row) throws Exception;
    }

    /**
     * The exact answer, from the generator rather than from any file: {@code value} is an integer number of
     * micro-units, so the per-hour sums are exact longs and each mean is one correctly rounded division.
     */
    static HourlyMeans exact(TimeseriesGenerator.Spec spec) {
        long[][] perFile = IntStream.range(0, spec.files()).parallel().mapToObj(file -> {
            long[] sumsAndCounts = new long[2 * HOURS];
            TimeseriesGenerator.forEachRow(spec, file, (second, id, name, valueMicros, x) -> {
                int hour = (int) (Math.floorMod(second, 86_400L) / 3600);
                sumsAndCounts[hour] += valueMicros;
                sumsAndCounts[HOURS + hour]++;
            });
            return sumsAndCounts;
        }).toArray(long[][]::new);
        double[] means = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            long sum = 0;
            long count = 0;
            for (long[] f : perFile) {
                sum += f[h];
                count += f[HOURS + h];
            }
            means[h] = count == 0 ? Double.NaN : sum / 1e6 / count;
        }
        return new HourlyMeans(means);
    }

    /** The largest relative difference over the 24 hours: |a - b| / max(|a|, |b|), 0 where both are 0. */
    double maxRelativeDifference(HourlyMeans other) {
        double worst = 0;
        for (int h = 0; h < HOURS; h++) {
            double a = means[h];
            double b = other.means[h];
            double scale = Math.max(Math.abs(a), Math.abs(b));
            double rel = a == b ? 0 : Math.abs(a - b) / scale;
            if (Double.isNaN(rel)) {
                return Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, rel);
        }
        return worst;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int h = 0; h < HOURS; h++) {
            s.append(String.format(Locale.ROOT, "%s%d=%.9f", h == 0 ? "" : ", ", h, means[h]));
        }
        return s.toString();
    }
}
