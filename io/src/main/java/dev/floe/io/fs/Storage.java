package dev.floe.io.fs;

import static java.util.Objects.requireNonNull;

import dev.floe.io.FloeIOException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.client.HdfsDataInputStream;

/**
 * Where bytes come from. Two routes:
 *
 * <pre>
 *  "/data/*.csv", "data/*.csv", "file:/data/*.csv"  ─► local route: {@link LocalGlob}, FileChannel positional reads
 *  "hdfs://nn:8020/logs/part-*.csv", "hdfs:///logs/*.csv", "s3a://..."
 *                                                    ─► Hadoop FileSystem.globStatus, FSDataInputStream
 * </pre>
 * Both routes read {@code *}, {@code ?}, {@code [...]} and {@code {a,b}} the same way; {@code **} (any number
 * of directories) is a recursive walk on both (Hadoop's own globStatus would read it as {@code *}). A
 * directory names its visible files; names starting with {@code .} or {@code _} are hidden.
 *
 * Files are named by fully qualified URI strings ({@code file:/data/a.csv}, {@code hdfs://nn:8020/logs/a.csv}),
 * which is the form kept in splits. The Hadoop {@link Configuration} is built once per JVM where the files are
 * read, as Hadoop users expect (see {@link HadoopConf}: the class path's {@code core-site.xml}, then
 * {@code HADOOP_CONF_DIR}'s); it is not Serializable, so it never travels with a dataset.
 *
 * <h2>Consistency</h2>
 * A query lists its files once ({@link #resolve}, {@link #expand}) and reads them later, possibly much
 * later and on other threads. {@link #open(String, long)} compares the file's length with the listed one
 * when it opens it, and its source fails if the file ends early while being read: a file deleted, truncated
 * or rewritten in between is a {@link FileChangedException} naming it, never a short read.
 * {@link #open(FileEntry)} also compares the modification time (on every file system, HDFS included: a file
 * deleted and written again at the same path and length differs only there).
 *
 * <h2>Threads</h2>
 * Every method may be called from any number of threads at once: the only shared state is the immutable
 * (after construction) Configuration, published through a volatile field, and Hadoop's own thread-safe
 * FileSystem cache. Each {@link ByteSource} is owned by one reader.
 */
public final class Storage {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]+):");
    private static volatile UnaryOperator<String> environment = System::getenv;
    private static volatile Configuration configuration;

    private Storage() {
    }

    /** The files matching {@code glob} (or the file, or the visible files of the directory), in sorted order; a {@link FloeIOException} if none. */
    public static List<FileEntry> resolve(String glob) {
        requireNonNull(glob, "glob is null");
        String local = localPath(glob);
        try {
            return local != null ? resolveLocal(glob, local) : resolveHadoop(glob);
        } catch (IOException e) {
            throw new FloeIOException("cannot list '" + glob + "': " + e.getMessage(), e);
        }
    }

    /**
     * The files of several globs or paths: each resolved as by {@link #resolve}, concatenated in the order
     * given, a file that two of them match kept once, where it first appears. Every entry must match
     * something: one that matches nothing is an error naming it.
     */
    public static List<FileEntry> expand(List<String> globsOrPaths) {
        requireNonNull(globsOrPaths, "globsOrPaths is null");
        if (globsOrPaths.isEmpty()) {
            throw new IllegalArgumentException("no paths given: name at least one file, directory or glob");
        }
        Map<String, FileEntry> files = new LinkedHashMap<>();
        for (String glob : globsOrPaths) {
            requireNonNull(glob, "a path in " + globsOrPaths + " is null");
            for (FileEntry entry : resolve(glob)) {
                files.putIfAbsent(entry.path(), entry);
            }
        }
        return List.copyOf(files.values());
    }

    /**
     * Opens a file named by a URI string from {@link #resolve}, without checking its length: prefer
     * {@link #open(String, long)} when the listed length is known. A file that no longer exists is a
     * {@link FileChangedException}.
     */
    public static ByteSource open(String path) {
        return open(path, -1);
    }

    /** Opens a listed file, checking that it still has the listed length (see {@link #open(String, long)}). */
    public static ByteSource open(FileEntry file) {
        requireNonNull(file, "file is null");
        return open(file.path(), file.length(), file.modificationTime());
    }

    /**
     * Opens a file named by a URI string from {@link #resolve}, that had {@code listedLength} bytes when it was
     * listed. If it no longer exists, or has another length now, or ends before that length while it is read,
     * the open or the read throws a {@link FileChangedException}.
     *
     * @param listedLength the listed length, or -1 to skip the checks
     */
    public static ByteSource open(String path, long listedLength) {
        return open(path, listedLength, -1);
    }

    private static ByteSource open(String path, long listedLength, long listedTime) {
        requireNonNull(path, "path is null");
        String local = localPath(path);
        try {
            if (local != null) {
                return new LocalByteSource(path, Path.of(local), listedLength, listedTime);
            }
            return openHadoop(path, listedLength, listedTime);
        } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw FileChangedException.vanished(path, listedLength, e);
        } catch (IOException e) {
            throw new FloeIOException("cannot open " + displayName(path) + ": " + e, e);
        }
    }

    private static ByteSource openHadoop(String path, long listedLength, long listedTime) throws IOException {
        org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(path);
        FileSystem fs = fileSystem(hadoopPath, path);
        FSDataInputStream in = fs.open(hadoopPath);
        try {
            if (listedLength >= 0) {
                // HDFS knows the length from the block list it fetched on open; a file deleted and written again
                // at the same path and length is caught only by its modification time, so ask for that too
                if (in instanceof HdfsDataInputStream hdfs) {
                    checkLength(path, listedLength, hdfs.getVisibleLength());
                }
                if (!(in instanceof HdfsDataInputStream) || listedTime >= 0) {
                    FileStatus status = fs.getFileStatus(hadoopPath);
                    checkLength(path, listedLength, status.getLen());
                    if (listedTime >= 0 && status.getModificationTime() != listedTime) {
                        throw FileChangedException.modified(path, listedLength, listedTime, status.getModificationTime());
                    }
                }
            }
            return new HadoopByteSource(path, in, listedLength);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void checkLength(String path, long listed, long now) {
        if (now != listed) {
            throw FileChangedException.resized(path, listed, now);
        }
    }

    /** The name to show a user: a local file's plain path, anything else's URI. */
    public static String displayName(String path) {
        String local = localPath(path);
        return local != null ? local : path;
    }

    /**
     * The local file-system path of {@code path} (a plain path, or a {@code file:} URI without it), or null for
     * another scheme: {@code /tmp/x.csv} and {@code file:///tmp/x.csv} give {@code /tmp/x.csv}.
     */
    public static String localPath(String path) {
        Matcher m = SCHEME.matcher(path);
        if (!m.find()) {
            return path;
        }
        if (!m.group(1).equalsIgnoreCase("file")) {
            return null;
        }
        String rest = path.substring(m.end());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        return rest;
    }

    /** The Hadoop client configuration of this JVM (see {@link HadoopConf}); built on first use. */
    public static Configuration configuration() {
        Configuration c = configuration;
        if (c == null) {
            synchronized (Storage.class) {
                c = configuration;
                if (c == null) {
                    c = HadoopConf.build(environment);
                    configuration = c;
                }
            }
        }
        return c;
    }

    /**
     * For tests: read HADOOP_CONF_DIR and HADOOP_HOME from {@code env} instead of the process environment (which
     * Java cannot change), and rebuild the configuration on next use. {@code System::getenv} restores the default.
     */
    static void useEnvironment(UnaryOperator<String> env) {
        requireNonNull(env, "env is null");
        synchronized (Storage.class) {
            environment = env;
            configuration = null;
        }
    }

    /**
     * The Hadoop FileSystem of {@code path}. A scheme with no FileSystem on the class path is a
     * {@link FloeIOException} that names the scheme and the missing jar (Hadoop throws an IOException for a
     * scheme it has never heard of, and a RuntimeException for one its defaults name but whose class is missing).
     *
     * @param what the user's text, for messages
     */
    public static FileSystem fileSystem(org.apache.hadoop.fs.Path path, String what) {
        requireNonNull(path, "path is null");
        try {
            return path.getFileSystem(configuration());
        } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            throw unsupportedScheme(path, what, e);
        } catch (IOException e) {
            throw new FloeIOException("cannot reach the file system of '" + what + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ClassNotFoundException) {
                throw unsupportedScheme(path, what, e);
            }
            throw e;
        }
    }

    private static FloeIOException unsupportedScheme(org.apache.hadoop.fs.Path path, String what, Exception e) {
        String scheme = path.toUri().getScheme();
        String hint = switch (scheme == null ? "" : scheme.toLowerCase(java.util.Locale.ROOT)) {
            case "s3a", "s3", "s3n" -> " (for s3a: hadoop-aws and the AWS SDK bundle)";
            case "abfs", "abfss", "wasb", "wasbs" -> " (for " + scheme + ": hadoop-azure)";
            case "gs" -> " (for gs: the GCS connector)";
            default -> "";
        };
        return new FloeIOException("cannot read '" + what + "': no Hadoop FileSystem for the scheme '" + scheme
                + "' is on the class path; add the jar that provides it" + hint
                + " to the class path, or use a local path, file:// or hdfs:// (" + e.getMessage() + ")", e);
    }

    private static List<FileEntry> resolveLocal(String glob, String local) throws IOException {
        List<Path> paths;
        try {
            paths = LocalGlob.expand(local);
        } catch (LocalGlob.NoMatchException e) {
            throw noMatch(glob, e.getMessage());
        }
        List<FileEntry> entries = new ArrayList<>(paths.size());
        for (Path p : paths) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (java.nio.file.NoSuchFileException e) {
                continue;   // deleted while we listed: it was never part of this query
            }
            entries.add(new FileEntry("file:" + p, attributes.size(), attributes.lastModifiedTime().toMillis()));
        }
        if (entries.isEmpty()) {
            throw noMatch(glob, null);
        }
        return entries;
    }

    /** The Hadoop route of {@link #resolve}, also for {@code file:} URIs (tests use it to exercise the route). */
    static List<FileEntry> resolveHadoop(String glob) throws IOException {
        org.apache.hadoop.fs.Path pattern = new org.apache.hadoop.fs.Path(glob);
        return HadoopGlob.expand(glob, pattern, fileSystem(pattern, glob));
    }

    static FloeIOException noMatch(String glob, String reason) {
        return new FloeIOException("no files match '" + glob + "'" + (reason == null ? "" : ": " + reason));
    }
}
