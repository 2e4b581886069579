package dev.floe.benchmarks;

import dev.floe.testdata.TimeseriesGenerator;
import java.nio.file.Path;
import java.util.Locale;

/** The markdown report of one {@link EndToEnd} run. */
record EndToEndReport(
        MachineInfo machine,
        String date,
        TimeseriesGenerator.Spec spec,
        Path data,
        long totalBytes,
        Timings floor,
        int warmups,
        String floeLabel,
        Timings floe,
        String duckLabel,
        String duckSql,
        Timings duck,
        double floeVsDuck,
        double floeVsExact,
        double duckVsExact,
        double tolerance) {

    boolean agree() {
        return floeVsDuck <= tolerance && floeVsExact <= tolerance && duckVsExact <= tolerance;
    }

    String toMarkdown() {
        double mb = totalBytes / 1e6;
        StringBuilder s = new StringBuilder();
        line(s, "## Floe vs DuckDB: mean(value) by hour(timestamp) over timeseries CSV, %s", date);
        line(s, "");
        line(s, "- machine: %d cores (nproc), %s, %s RAM, %s", machine.nproc(), machine.cpuModel(), machine.memory(), machine.os());
        line(s, "- java: %s; JVM flags: `%s`", machine.java(), machine.jvmArgs());
        line(s, "- data: %d files, %.1f MB, %,d rows (%s)", spec.files(), mb, spec.totalRows(), data);
        line(s, "- floor (read from the page cache and count newlines, %d threads): median %.0f ms = %.0f MB/s",
                machine.nproc(), floor.median(), mb / (floor.median() / 1e3));
        line(s, "- runs: %d alternating Floe / DuckDB after %d untimed warm-up run(s) each; wall time per query",
                floe.count(), warmups);
        line(s, "- Floe: `Floe.readCsv(glob, CsvOptions.parseDates(\"timestamp\")).groupBy(col(\"timestamp\").dt().hour()"
                + ".as(\"hour\")).agg(mean(col(\"value\")).as(\"mean_value\")).sort(\"hour\").compute()`");
        line(s, "- DuckDB (JDBC, fresh in-memory database per run): `%s`", duckSql);
        line(s, "");
        line(s, "| engine | median ms | min ms | MB/s (median) | x floor (median) | runs (ms) |");
        line(s, "| --- | ---: | ---: | ---: | ---: | --- |");
        row(s, floeLabel, floe, mb);
        row(s, duckLabel, duck, mb);
        line(s, "| **Floe / DuckDB** | **%.2f** | **%.2f** | | | |", floe.median() / duck.median(), floe.min() / duck.min());
        line(s, "");
        line(s, "Results %s: max relative difference of the 24 means Floe vs DuckDB %.1e, Floe vs exact %.1e, "
                        + "DuckDB vs exact %.1e (tolerance %.0e; exact = the generator's integer micro-unit sums).",
                agree() ? "agree" : "**DISAGREE**", floeVsDuck, floeVsExact, duckVsExact, tolerance);
        return s.toString();
    }

    private void row(StringBuilder s, String label, Timings t, double mb) {
        line(s, "| %s | %.0f | %.0f | %.0f | %.1f | %s |", label, t.median(), t.min(), mb / (t.median() / 1e3),
                t.median() / floor.median(), t.all());
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
