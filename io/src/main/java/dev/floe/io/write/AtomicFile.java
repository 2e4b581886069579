package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.io.FloeIOException;
import dev.floe.io.fs.Storage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One output file written under a hidden temporary name in its target's directory
 * ({@code .part-00000.csv.<random>.tmp}: readers skip names starting with {@code .}) and renamed to its
 * name on {@link #publish()}.
 *
 * <pre>
 *  create ─► stream() ... ─► finish() ─► publish()        the file appears, whole, under its name
 *                     └──────┴────────► discard()          the temporary file is deleted
 * </pre>
 * Local files: the temporary file is forced to disk before an atomic rename that replaces any old file.
 * Hadoop file systems: the stream's close completes the file; publishing replaces an existing file by
 * deleting it first (HDFS's rename does not overwrite), which is not atomic for that moment.
 *
 * <p>A file made by {@link #create} owns the directories it creates for itself: {@link #discard()} removes
 * them again if they are empty ({@link CreatedDirectories}). A part of a {@link PartitionedOutput}
 * ({@link #createPart}) leaves its directory to the output, which other parts share.
 */
final class AtomicFile {
    private static final Logger log = LoggerFactory.getLogger(AtomicFile.class);

    private final String target;
    private final String local;
    private final Path localTarget;
    private final Path localTemp;
    private final FileChannel channel;
    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path hadoopTarget;
    private final org.apache.hadoop.fs.Path hadoopTemp;
    private final OutputStream stream;
    private final CreatedDirectories createdDirectories;
    private boolean finished;
    private boolean done;

    private AtomicFile(String target, CreatedDirectories createdDirectories) throws IOException {
        this.target = target;
        this.local = Storage.localPath(target);
        this.createdDirectories = createdDirectories;
        String tempSuffix = "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp";
        if (local != null) {
            localTarget = Path.of(local).toAbsolutePath();
            if (Files.isDirectory(localTarget)) {
                throw new IOException(local + " is a directory; name a file to write into");
            }
            Path dir = localTarget.getParent();
            Files.createDirectories(dir);
            localTemp = dir.resolve("." + localTarget.getFileName() + tempSuffix);
            channel = FileChannel.open(localTemp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            stream = Channels.newOutputStream(channel);
            fs = null;
            hadoopTarget = null;
            hadoopTemp = null;
        } else {
            hadoopTarget = new org.apache.hadoop.fs.Path(target);
            fs = Storage.fileSystem(hadoopTarget, target);
            if (fs.exists(hadoopTarget) && fs.getFileStatus(hadoopTarget).isDirectory()) {
                throw new IOException(target + " is a directory; name a file to write into");
            }
            hadoopTemp = new org.apache.hadoop.fs.Path(hadoopTarget.getParent(), "." + hadoopTarget.getName() + tempSuffix);
            stream = fs.create(hadoopTemp, false);
            localTarget = null;
            localTemp = null;
            channel = null;
        }
    }

    /**
     * Creates the temporary file of {@code target} (a local path or any Hadoop FileSystem URI), and the
     * directories it needs, which a discard removes again.
     */
    static AtomicFile create(String target) {
        return create(target, true);
    }

    /** As {@link #create}, for a part of a {@link PartitionedOutput}: the output owns the directory. */
    static AtomicFile createPart(String target) {
        return create(target, false);
    }

    private static AtomicFile create(String target, boolean ownsDirectories) {
        requireNonNull(target, "target is null");
        String parent = ownsDirectories ? parentOf(target) : null;
        CreatedDirectories created = parent != null ? CreatedDirectories.missing(parent) : null;
        try {
            return new AtomicFile(target, created);
        } catch (IOException | RuntimeException e) {
            if (created != null) {
                created.removeIfEmpty();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new FloeIOException("cannot create a file for " + Storage.displayName(target) + ": " + e, e);
        }
    }

    /** The directory of {@code target}, in the same form (local path or URI), or null at a root. */
    private static String parentOf(String target) {
        String local = Storage.localPath(target);
        if (local != null) {
            Path parent = Path.of(local).toAbsolutePath().getParent();
            return parent == null ? null : parent.toString();
        }
        org.apache.hadoop.fs.Path parent = new org.apache.hadoop.fs.Path(target).getParent();
        return parent == null ? null : parent.toString();
    }

    /** The unbuffered stream into the temporary file. */
    OutputStream stream() {
        return stream;
    }

    String target() {
        return target;
    }

    /** Flushes to stable storage and closes the temporary file; it stays hidden. */
    void finish() {
        if (finished) {
            return;
        }
        try {
            if (channel != null) {
                channel.force(false);
            }
            stream.close();
            finished = true;
        } catch (IOException e) {
            throw new FloeIOException("cannot finish writing " + Storage.displayName(target) + ": " + e, e);
        }
    }

    /** Finishes if needed, then renames the temporary file to the target name, replacing an existing file. */
    void publish() {
        finish();
        try {
            if (local != null) {
                Files.move(localTemp, localTarget, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (fs.exists(hadoopTarget) && !fs.delete(hadoopTarget, false)) {
                    throw new IOException("cannot delete the existing " + hadoopTarget);
                }
                if (!fs.rename(hadoopTemp, hadoopTarget)) {
                    throw new IOException("rename of " + hadoopTemp + " to " + hadoopTarget + " failed");
                }
            }
            done = true;
        } catch (IOException e) {
            discard();
            throw new FloeIOException("cannot move the finished " + Storage.displayName(target)
                    + " into place: " + e, e);
        }
    }

    /** Closes and deletes the temporary file; logs (does not throw) if that fails. Idempotent. */
    void discard() {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the temporary file of {}: {}", target, e.toString());
        }
        try {
            if (local != null) {
                Files.deleteIfExists(localTemp);
            } else {
                fs.delete(hadoopTemp, false);
            }
        } catch (IOException e) {
            log.warn("could not delete the temporary file {} of an aborted write: {}",
                    local != null ? localTemp : hadoopTemp, e.toString());
        }
        if (createdDirectories != null) {
            createdDirectories.removeIfEmpty();
        }
    }

    /** The temporary file's name, for tests and messages. */
    String tempName() {
        return local != null ? localTemp.toString() : hadoopTemp.toString();
    }
}
