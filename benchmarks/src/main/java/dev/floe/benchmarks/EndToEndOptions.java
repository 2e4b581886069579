package dev.floe.benchmarks;

import java.nio.file.Path;
import java.util.Optional;

/** The command line of {@link EndToEnd}. {@code rowsPerFile == 0} means: size the shards to {@code targetBytes} in total. */
record EndToEndOptions(Path dir, int files, long rowsPerFile, long targetBytes, int runs, int warmups, long seed,
                       int duckdbThreads, Optional<Path> report) {
    static final String USAGE = String.join("\n",
            "usage: EndToEnd [--dir DIR] [--files 16] [--rows-per-file N] [--target-bytes 1073741824]",
            "                [--runs 5] [--warmups 1] [--seed 42] [--duckdb-threads NPROC] [--report PATH]",
            "",
            "Generates the timeseries CSV sample under DIR (default target/bench-data) unless it is there,",
            "then times SELECT hour(timestamp), avg(value) ... GROUP BY hour in Floe and in DuckDB,",
            "alternating, and prints a markdown report (appended to PATH with --report).");

    static EndToEndOptions parse(String[] args) {
        Path dir = Path.of("target", "bench-data");
        int files = 16;
        long rowsPerFile = 0;
        long targetBytes = 1L << 30;
        int runs = 5;
        int warmups = 1;
        long seed = 42;
        int duckdbThreads = Runtime.getRuntime().availableProcessors();
        Optional<Path> report = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--dir" -> dir = Path.of(value);
                case "--files" -> files = positiveInt(flag, value);
                case "--rows-per-file" -> rowsPerFile = positiveLong(flag, value);
                case "--target-bytes" -> targetBytes = positiveLong(flag, value);
                case "--runs" -> runs = positiveInt(flag, value);
                case "--warmups" -> warmups = nonNegativeInt(flag, value);
                case "--seed" -> seed = parseLong(flag, value);
                case "--duckdb-threads" -> duckdbThreads = positiveInt(flag, value);
                case "--report" -> report = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new EndToEndOptions(dir, files, rowsPerFile, targetBytes, runs, warmups, seed, duckdbThreads, report);
    }

    private static int positiveInt(String flag, String value) {
        long v = positiveLong(flag, value);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(flag + " must be at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) v;
    }

    private static int nonNegativeInt(String flag, String value) {
        long v = parseLong(flag, value);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(flag + " must be a non-negative int, got " + value);
        }
        return (int) v;
    }

    private static long positiveLong(String flag, String value) {
        long v = parseLong(flag, value);
        if (v < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
        }
        return v;
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }
}
