package dev.floe.io.fs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Glob expansion on a Hadoop FileSystem: {@code FileSystem.globStatus} for {@code *}, {@code ?}, {@code [...]}
 * and {@code {a,b}}; a recursive listing for {@code **}, which globStatus would read as {@code *}. The same
 * visibility rules as {@link LocalGlob}: a matched directory names its files, and names starting with
 * {@code .} or {@code _} are skipped unless the path names the file without a glob. Sorted by path.
 */
final class HadoopGlob {
    private HadoopGlob() {
    }

    static List<FileEntry> expand(String glob, Path pattern, FileSystem fs) throws IOException {
        if (pattern.toUri().getPath().contains("**")) {
            return recursive(glob, pattern, fs);
        }
        FileStatus[] matched = fs.globStatus(pattern);
        if (matched == null) {
            throw Storage.noMatch(glob, "no such file or directory");
        }
        List<FileEntry> entries = new ArrayList<>();
        for (FileStatus status : matched) {
            if (status.isDirectory()) {
                for (FileStatus child : fs.listStatus(status.getPath())) {
                    String name = child.getPath().getName();
                    if (child.isFile() && visible(name)) {
                        entries.add(entry(child));
                    }
                }
            } else if (status.isFile() && (visible(status.getPath().getName()) || !LocalGlob.hasGlobCharacters(glob))) {
                entries.add(entry(status));
            }
        }
        if (entries.isEmpty()) {
            Path parent = firstNonGlobAncestor(pattern);
            throw Storage.noMatch(glob, parent != null && !fs.exists(parent) ? "directory " + parent + " does not exist" : null);
        }
        entries.sort(Comparator.comparing(FileEntry::path));
        return entries.stream().distinct().toList();
    }

    /**
     * {@code **} on a Hadoop file system, whose globStatus reads it as {@code *}: lists the base directory (the
     * components before the first glob) recursively and matches the relative paths as {@link LocalGlob} does,
     * skipping directories whose names start with {@code .} or {@code _}.
     */
    private static List<FileEntry> recursive(String glob, Path pattern, FileSystem fs)
            throws IOException {
        String path = pattern.toUri().getPath();
        List<String> parts = List.of(path.split("/", -1));
        int firstGlob = 0;
        while (!LocalGlob.hasGlobCharacters(parts.get(firstGlob))) {
            firstGlob++;
        }
        String rest = String.join("/", parts.subList(firstGlob, parts.size()));
        Path base = fs.makeQualified(new Path(
                pattern.toUri().getScheme(), pattern.toUri().getAuthority(),
                firstGlob <= 1 ? "/" : String.join("/", parts.subList(0, firstGlob))));
        if (!fs.exists(base)) {
            throw Storage.noMatch(glob, "directory " + base + " does not exist");
        }
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
        if (rest.contains("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", "")));
        }
        String basePath = base.toUri().getPath();
        String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
        List<FileEntry> entries = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(base, true);
        while (files.hasNext()) {
            LocatedFileStatus status = files.next();
            String relative = status.getPath().toUri().getPath().substring(prefix.length());
            boolean hidden = false;
            for (String component : relative.split("/")) {
                hidden |= component.startsWith(".") || component.startsWith("_");
            }
            if (hidden) {
                continue;
            }
            java.nio.file.Path rel = java.nio.file.Path.of(relative);
            for (PathMatcher m : matchers) {
                if (m.matches(rel)) {
                    entries.add(entry(status));
                    break;
                }
            }
        }
        if (entries.isEmpty()) {
            throw Storage.noMatch(glob, null);
        }
        entries.sort(Comparator.comparing(FileEntry::path));
        return entries;
    }

    private static FileEntry entry(FileStatus status) {
        return new FileEntry(status.getPath().toString(), status.getLen(), status.getModificationTime());
    }

    private static boolean visible(String name) {
        return !name.startsWith(".") && !name.startsWith("_");
    }

    private static Path firstNonGlobAncestor(Path pattern) {
        Path p = pattern;
        while (p != null && LocalGlob.hasGlobCharacters(p.toUri().getPath())) {
            p = p.getParent();
        }
        return p;
    }
}
