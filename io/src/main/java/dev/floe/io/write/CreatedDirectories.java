package dev.floe.io.write;

import dev.floe.io.FloeIOException;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directories a write is about to create for its output: the output's directory and those of its
 * ancestors that do not exist yet, recorded <em>before</em> anything is written. A write that is aborted or
 * fails removes them again ({@link #removeIfEmpty()}), so it leaves nothing at a path that was free; a
 * directory that existed before is never among them and is never removed.
 *
 * <p>Removal is deepest first, and each directory only if it is a directory and empty (a non-recursive
 * delete, which refuses a directory that something else wrote into meanwhile); it stops at the first one
 * that stays. Local paths use java.nio, others their Hadoop FileSystem (HDFS, ...).
 */
final class CreatedDirectories {
    private static final Logger log = LoggerFactory.getLogger(CreatedDirectories.class);
    private static final CreatedDirectories NONE = new CreatedDirectories(List.of(), null, List.of());

    private final List<Path> local;
    private final FileSystem fs;
    private final List<org.apache.hadoop.fs.Path> hadoop;

    private CreatedDirectories(List<Path> local, FileSystem fs, List<org.apache.hadoop.fs.Path> hadoop) {
        this.local = local;
        this.fs = fs;
        this.hadoop = hadoop;
    }

    /** {@code directory} (a local path or any Hadoop URI) and its missing ancestors, deepest first. */
    static CreatedDirectories missing(String directory) {
        String localDir = Storage.localPath(directory);
        try {
            if (localDir != null) {
                List<Path> missing = new ArrayList<>();
                for (Path p = Path.of(localDir).toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
                        p = p.getParent()) {
                    missing.add(p);
                }
                return missing.isEmpty() ? NONE : new CreatedDirectories(List.copyOf(missing), null, List.of());
            }
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(directory);
            FileSystem fs = Storage.fileSystem(dir, directory);
            List<org.apache.hadoop.fs.Path> missing = new ArrayList<>();
            for (org.apache.hadoop.fs.Path p = fs.makeQualified(dir); p != null && !fs.exists(p); p = p.getParent()) {
                missing.add(p);
            }
            return missing.isEmpty() ? NONE : new CreatedDirectories(List.of(), fs, List.copyOf(missing));
        } catch (IOException e) {
            throw new FloeIOException("cannot look at the output directory " + Storage.displayName(directory) + ": " + e, e);
        }
    }

    /** Removes the recorded directories that are (still) empty, deepest first; logs, never throws. */
    void removeIfEmpty() {
        try {
            for (Path p : local) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        return;   // something else is there now: not ours
                    }
                    continue;     // never made (the write failed first), or already gone
                }
                try {
                    Files.delete(p);
                } catch (DirectoryNotEmptyException e) {
                    log.debug("keeping {}: it is not empty", p);
                    return;
                } catch (NoSuchFileException e) {
                    // removed meanwhile: fine
                }
            }
            for (org.apache.hadoop.fs.Path p : hadoop) {
                FileStatus status;
                try {
                    status = fs.getFileStatus(p);
                } catch (java.io.FileNotFoundException e) {
                    continue;
                }
                if (!status.isDirectory() || fs.listStatus(p).length > 0) {
                    log.debug("keeping {}: it is not an empty directory", p);
                    return;
                }
                fs.delete(p, false);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("could not remove the directory an aborted write created ({}): {}",
                    local.isEmpty() ? hadoop : local, e.toString());
        }
    }
}
