package dev.floe.io.fs;

import dev.floe.io.FloeIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where bytes come from. Two routes:
 *
 * <pre>
 *  "/data/*.csv", "data/*.csv", "file:/data/*.csv"  ─► local route: java.nio glob, FileChannel reads
 *  "hdfs://nn:8020/logs/part-*.csv", "s3a://..."     ─► Hadoop FileSystem.globStatus, FSDataInputStream
 * </pre>
 *
 * Files are named by fully qualified URI strings ({@code file:/data/a.csv}, {@code hdfs://nn:8020/logs/a.csv}),
 * which is the form kept in splits. The Hadoop {@link Configuration} is {@code new Configuration()} (it
 * reads {@code core-site.xml} / {@code hdfs-site.xml} from the classpath and HADOOP_CONF_DIR), built
 * once per JVM where the files are read: it is not Serializable, so it never travels with a dataset.
 */
public final class Storage {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]+):");
    private static volatile Configuration configuration;

    private Storage() {
    }

    /** The files matching {@code glob}, in stable sorted order; a {@link FloeIOException} if none. */
    public static List<FileEntry> resolve(String glob) {
        String local = localPath(glob);
        try {
            return local != null ? resolveLocal(glob, local) : resolveHadoop(glob);
        } catch (IOException e) {
            throw new FloeIOException("cannot list '" + glob + "': " + e.getMessage(), e);
        }
    }

    /** Opens a file named by a URI string from {@link #resolve}. */
    public static ByteSource open(String path) {
        String local = localPath(path);
        try {
            if (local != null) {
                return new LocalByteSource(path, Path.of(local));
            }
            org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = hadoopPath.getFileSystem(configuration());
            return new HadoopByteSource(path, fs.open(hadoopPath));
        } catch (IOException e) {
            throw new FloeIOException("cannot open " + displayName(path) + ": " + e, e);
        }
    }

    /** The name to show a user: a local file's plain path, anything else's URI. */
    public static String displayName(String path) {
        String local = localPath(path);
        return local != null ? local : path;
    }

    /** The local file-system path of {@code path} (no scheme or {@code file:}), or null for another scheme. */
    static String localPath(String path) {
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

    public static Configuration configuration() {
        Configuration c = configuration;
        if (c == null) {
            synchronized (Storage.class) {
                c = configuration;
                if (c == null) {
                    c = new Configuration();
                    configuration = c;
                }
            }
        }
        return c;
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
            entries.add(new FileEntry("file:" + p, Files.size(p)));
        }
        return entries;
    }

    static List<FileEntry> resolveHadoop(String glob) throws IOException {
        org.apache.hadoop.fs.Path pattern = new org.apache.hadoop.fs.Path(glob);
        FileSystem fs;
        try {
            fs = pattern.getFileSystem(configuration());
        } catch (RuntimeException e) {
            // an unknown scheme (s3a without hadoop-aws) is a RuntimeException, not an IOException
            throw new FloeIOException("cannot read '" + glob + "': " + e.getMessage(), e);
        }
        FileStatus[] matched = fs.globStatus(pattern);
        if (matched == null) {
            throw noMatch(glob, "no such file or directory");
        }
        List<FileEntry> entries = new ArrayList<>();
        for (FileStatus status : matched) {
            if (status.isDirectory()) {
                for (FileStatus child : fs.listStatus(status.getPath())) {
                    String name = child.getPath().getName();
                    if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                        entries.add(new FileEntry(child.getPath().toString(), child.getLen()));
                    }
                }
            } else if (status.isFile() && !status.getPath().getName().startsWith(".")) {
                entries.add(new FileEntry(status.getPath().toString(), status.getLen()));
            }
        }
        if (entries.isEmpty()) {
            org.apache.hadoop.fs.Path parent = firstNonGlobAncestor(pattern);
            throw noMatch(glob, parent != null && !fs.exists(parent) ? "directory " + parent + " does not exist" : null);
        }
        entries.sort(Comparator.comparing(FileEntry::path));
        return entries.stream().distinct().toList();
    }

    private static org.apache.hadoop.fs.Path firstNonGlobAncestor(org.apache.hadoop.fs.Path pattern) {
        org.apache.hadoop.fs.Path p = pattern;
        while (p != null && LocalGlob.hasGlobCharacters(p.toUri().getPath())) {
            p = p.getParent();
        }
        return p;
    }

    private static FloeIOException noMatch(String glob, String reason) {
        return new FloeIOException("no files match '" + glob + "'" + (reason == null ? "" : ": " + reason));
    }
}
