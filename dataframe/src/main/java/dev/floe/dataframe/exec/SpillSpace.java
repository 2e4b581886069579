package dev.floe.dataframe.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query's place on local disk for spilled rows: one directory {@code floe-spill-*} under the
 * configured spill directory, created when the first file is asked for, and deleted with everything in
 * it by {@link #close()} — which the query's owner calls when the query ends in success, failure or
 * cancellation, after its tasks have stopped. Thread-safe.
 */
public final class SpillSpace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpillSpace.class);

    private final Path parent;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private Path directory;
    private boolean closed;

    public SpillSpace(Path parent) {
        this.parent = java.util.Objects.requireNonNull(parent, "parent is null");
    }

    /** A new, not yet existing file path in the query's directory. */
    synchronized Path newFile(String prefix) {
        if (closed) {
            throw new IllegalStateException("the query's spill directory " + directory + " is already deleted");
        }
        try {
            if (directory == null) {
                Files.createDirectories(parent);
                directory = Files.createTempDirectory(parent, "floe-spill-");
                LOG.debug("spilling to {}", directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spill directory in " + parent
                    + "; set ExecutionOptions.withSpillDirectory(path) to a writable local directory", e);
        }
        return directory.resolve(String.format("%s-%06d.arrow", prefix, files.incrementAndGet()));
    }

    void wrote(long n) {
        bytes.addAndGet(n);
    }

    /** How many files the query has spilled so far. */
    public int filesWritten() {
        return files.get();
    }

    /** How many bytes the query has spilled so far. */
    public long bytesWritten() {
        return bytes.get();
    }

    /** Deletes the directory and everything in it; later calls do nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(SpillSpace::delete);
        } catch (IOException e) {
            LOG.warn("could not delete the spill directory {}: {}", directory, e.toString());
        }
        directory = null;
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete spill file {}: {}", p, e.toString());
        }
    }
}
