package dev.floe.benchmarks;

import dev.floe.testdata.TimeseriesGenerator;
import dev.floe.testdata.TimeseriesGenerator.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The end-to-end harness: the canonical job of DESIGN.md (mean of {@code value} by hour of
 * {@code timestamp}) on ~1 GB of timeseries CSV, in Floe and in DuckDB, in one JVM, on the same files.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED -Xmx4g \
 *      -cp benchmarks/target/benchmarks.jar dev.floe.benchmarks.EndToEnd [--runs 5] [--report results.md]
 * </pre>
 *
 * <ol>
 *   <li>size the shards: {@code --target-bytes} (1 GiB) over {@code --files} (16) shards, from the measured
 *       bytes per row of a small sample, unless {@code --rows-per-file} is given;</li>
 *   <li>generate them under {@code --dir} unless a complete sample of that spec is there
 *       ({@link TimeseriesGenerator#ensureSample});</li>
 *   <li>read every file once (warming the page cache), then time the floor: read and count newlines;</li>
 *   <li>compute the exact answer from the generator, with no file involved;</li>
 *   <li>run each engine {@code --warmups} times untimed, then {@code --runs} times each, alternating,
 *       checking every answer against the exact one and the two engines against each other;</li>
 *   <li>print a markdown report on stdout (progress goes to stderr) and append it to {@code --report}.</li>
 * </ol>
 *
 * Exit status: 0 when the answers agree, 1 when they do not or a run fails, 2 for a bad command line.
 */
public final class EndToEnd {
    /** Relative tolerance between two engines' means (summation order differs between them). */
    static final double TOLERANCE = 1e-9;

    private static final long SIZING_ROWS = 100_000;
    private static final int FLOOR_RUNS = 3;

    private final EndToEndOptions options;

    private EndToEnd(EndToEndOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        EndToEndOptions options;
        try {
            options = EndToEndOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("EndToEnd: " + e.getMessage());
            }
            System.err.println(EndToEndOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new EndToEnd(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the shared scheduler's workers must not keep the JVM alive
    }

    private int run() throws Exception {
        long rowsPerFile = options.rowsPerFile() > 0 ? options.rowsPerFile() : rowsPerFileFor(options.targetBytes());
        Spec spec = new Spec(options.files(), rowsPerFile, options.seed());
        progress("data: %d files x %,d rows under %s", spec.files(), rowsPerFile, options.dir());
        long start = System.nanoTime();
        Path data = TimeseriesGenerator.ensureSample(options.dir(), spec);
        progress("data ready in %.1f s: %s", (System.nanoTime() - start) / 1e9, data);

        List<Path> files = shards(data);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        String glob = data.toAbsolutePath() + "/*.csv";

        progress("warming the page cache (%.1f MB), then timing the floor", totalBytes / 1e6);
        countNewlines(files, spec);
        Timings floor = new Timings();
        for (int i = 0; i < FLOOR_RUNS; i++) {
            long t = System.nanoTime();
            countNewlines(files, spec);
            floor.add(System.nanoTime() - t);
        }

        progress("computing the exact answer from the generator");
        HourlyMeans exact = HourlyMeans.exact(spec);

        FloeQuery floe = new FloeQuery(glob);
        DuckDbQuery duck = new DuckDbQuery(glob, options.duckdbThreads());
        Comparison comparison = new Comparison(exact);
        for (int i = 0; i < options.warmups(); i++) {
            progress("warm-up %d/%d", i + 1, options.warmups());
            comparison.check(floe.run(), duck.run());
        }
        Timings floeTimes = new Timings();
        Timings duckTimes = new Timings();
        for (int i = 0; i < options.runs(); i++) {
            HourlyMeans f = timed(floe, floeTimes);
            HourlyMeans d = timed(duck, duckTimes);
            comparison.check(f, d);
            progress("run %d/%d: Floe %.0f ms, DuckDB %.0f ms", i + 1, options.runs(), floeTimes.last(), duckTimes.last());
        }

        EndToEndReport report = new EndToEndReport(MachineInfo.detect(),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)),
                spec, data.toAbsolutePath(), totalBytes, floor, options.warmups(),
                floe.label(), floeTimes, duck.label(), duck.sql(), duckTimes,
                comparison.floeVsDuck, comparison.floeVsExact, comparison.duckVsExact, TOLERANCE);
        String markdown = report.toMarkdown();
        System.out.println(markdown);
        if (options.report().isPresent()) {
            append(options.report().get(), markdown);
        }
        if (!report.agree()) {
            System.err.println("EndToEnd: the answers disagree; exact: " + exact);
            return 1;
        }
        return 0;
    }

    /** The worst relative differences seen over all runs. */
    private static final class Comparison {
        private final HourlyMeans exact;
        double floeVsDuck;
        double floeVsExact;
        double duckVsExact;

        Comparison(HourlyMeans exact) {
            this.exact = exact;
        }

        void check(HourlyMeans floe, HourlyMeans duck) {
            floeVsDuck = Math.max(floeVsDuck, floe.maxRelativeDifference(duck));
            floeVsExact = Math.max(floeVsExact, floe.maxRelativeDifference(exact));
            duckVsExact = Math.max(duckVsExact, duck.maxRelativeDifference(exact));
            if (floeVsDuck > TOLERANCE || floeVsExact > TOLERANCE || duckVsExact > TOLERANCE) {
                progress("MISMATCH%n  Floe:   %s%n  DuckDB: %s%n  exact:  %s", floe, duck, exact);
            }
        }
    }

    private static HourlyMeans timed(HourlyMeanQuery query, Timings timings) throws Exception {
        long start = System.nanoTime();
        HourlyMeans result = query.run();
        timings.add(System.nanoTime() - start);
        return result;
    }

    /** Rows per shard so that all shards together are about {@code targetBytes}, rounded to 1000 rows. */
    private long rowsPerFileFor(long targetBytes) throws IOException {
        Path sample = TimeseriesGenerator.write(Files.createTempDirectory("floe-sizing-"),
                new Spec(1, SIZING_ROWS, options.seed())).get(0);
        try {
            long dataBytes = Files.size(sample) - (TimeseriesGenerator.HEADER.length() + 1);
            double bytesPerRow = (double) dataBytes / SIZING_ROWS;
            long rows = Math.round(targetBytes / (double) options.files() / bytesPerRow / 1000) * 1000;
            progress("%.2f bytes per row: %,d rows per file for %,d bytes in %d files",
                    bytesPerRow, Math.max(rows, 1000), targetBytes, options.files());
            return Math.max(rows, 1000);
        } finally {
            BenchData.deleteShard(sample);
        }
    }

    private static List<Path> shards(Path data) throws IOException {
        try (Stream<Path> paths = Files.list(data)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().collect(Collectors.toList());
        }
    }

    /** Reads every file on all cores and counts its lines; checks the count against the spec. */
    private static void countNewlines(List<Path> files, Spec spec) {
        long lines = files.parallelStream().mapToLong(f -> {
            try {
                return NewlineCounter.countFile(f, new byte[NewlineCounter.BUFFER_BYTES]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
        long expected = spec.totalRows() + spec.files();
        if (lines != expected) {
            throw new IllegalStateException("counted " + lines + " lines in " + files.size() + " files, expected " + expected);
        }
    }

    private static void append(Path report, String markdown) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        progress("report appended to %s", report);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[e2e] " + String.format(Locale.ROOT, format, args));
    }
}
