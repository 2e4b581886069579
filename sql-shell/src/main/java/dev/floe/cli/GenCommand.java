package dev.floe.cli;

import dev.floe.testdata.QuotedTableGenerator;
import dev.floe.testdata.TimeseriesGenerator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code floe gen timeseries|quoted --out DIR --files N --rows-per-file M [--seed S]}. */
final class GenCommand {
    private GenCommand() {
    }

    static int run(String[] rawArgs, PrintStream out) {
        if (rawArgs.length == 0 || !(rawArgs[0].equals("timeseries") || rawArgs[0].equals("quoted"))) {
            throw new UsageException("the tables are 'timeseries' and 'quoted': floe gen timeseries|quoted --out DIR"
                    + " --files N --rows-per-file M [--seed S]");
        }
        Args args = Args.parse(Arrays.copyOfRange(rawArgs, 1, rawArgs.length));
        args.allowOnly("out", "files", "rows-per-file", "seed");
        Path dir = Path.of(args.require("out"));
        TimeseriesGenerator.Spec spec = new TimeseriesGenerator.Spec(
                (int) args.getLong("files", 4), args.getLong("rows-per-file", 100_000), args.getLong("seed", 42));
        long started = System.nanoTime();
        List<Path> files = rawArgs[0].equals("quoted")
                ? QuotedTableGenerator.write(dir, spec.files(), spec.rowsPerFile(), spec.seed())
                : TimeseriesGenerator.write(dir, spec);
        long bytes = 0;
        for (Path p : files) {
            bytes += p.toFile().length();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("wrote %d files, %,d rows, %s to %s in %.2f s%n", files.size(), spec.totalRows(),
                Sizes.bytes(bytes), dir.toAbsolutePath().normalize(), seconds);
        return Files.isDirectory(dir) ? 0 : 1;
    }
}
