package dev.floe.io.fs;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glob expansion on the local file system with {@code java.nio}: {@code *}, {@code ?}, {@code [..]},
 * {@code {a,b}} within one path component and {@code **} across components (also matching zero
 * directories, as in {@code /data/**}{@code /*.csv} matching {@code /data/a.csv}).
 *
 * <p>The pattern is split into a base directory (the leading components without glob characters) and
 * the rest, which is matched against paths relative to the base. The walk follows symbolic links (a
 * link to a directory is searched like the directory) but never around a loop: a link back to one of its
 * own ancestors is detected by the walker (file keys) and skipped, with a debug log line. Below the base,
 * directories whose names start with {@code .} or {@code _} (Hadoop's and Spark's hidden and temporary
 * directories, such as {@code _temporary}) are not entered. A matched directory contributes its visible
 * files, and a matched file counts, unless its name starts with {@code .} or {@code _} ({@code _SUCCESS});
 * a plain path without glob characters is read whatever its name. The result is sorted by path, without
 * duplicates.
 *
 * <p>Stateless: concurrent expansions share nothing.
 */
final class LocalGlob {
    private static final Logger log = LoggerFactory.getLogger(LocalGlob.class);

    private LocalGlob() {
    }

    static boolean hasGlobCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** Expands {@code pattern} (an absolute or relative local path); throws {@link NoMatchException} when nothing matches. */
    static List<Path> expand(String pattern) throws IOException {
        if (!hasGlobCharacters(pattern)) {
            Path path = Path.of(pattern).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                return visibleFiles(path);
            }
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            throw new NoMatchException(missingReason(path));
        }
        String normalized = pattern.replace('\\', '/');
        List<String> parts = List.of(normalized.split("/", -1));
        int firstGlob = 0;
        while (!hasGlobCharacters(parts.get(firstGlob))) {
            firstGlob++;
        }
        String baseText = String.join("/", parts.subList(0, firstGlob));
        Path base = (baseText.isEmpty() && normalized.startsWith("/") ? Path.of("/") : Path.of(baseText.isEmpty() ? "." : baseText))
                .toAbsolutePath().normalize();
        String rest = String.join("/", parts.subList(firstGlob, parts.size()));
        if (!Files.isDirectory(base)) {
            throw new NoMatchException(Files.exists(base) ? base + " is not a directory" : "directory " + base + " does not exist");
        }
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
        if (rest.contains("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", "")));
        }
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.size() - firstGlob;
        Walker walker = new Walker(base, matchers);
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, walker);
        if (walker.found.isEmpty()) {
            throw new NoMatchException(null);
        }
        return walker.found.stream().distinct().sorted().toList();
    }

    /** Collects matches; skips hidden directories and symbolic-link loops. One per expansion. */
    private static final class Walker extends SimpleFileVisitor<Path> {
        final Path base;
        final List<PathMatcher> matchers;
        final List<Path> found = new ArrayList<>();

        Walker(Path base, List<PathMatcher> matchers) {
            this.base = base;
            this.matchers = matchers;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (dir.equals(base)) {
                return FileVisitResult.CONTINUE;
            }
            if (hidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (matches(dir)) {
                found.addAll(visibleFiles(dir));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            // a directory at the depth limit is visited as a file
            if (!matches(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isDirectory()) {
                if (!hidden(file)) {
                    found.addAll(visibleFiles(file));
                }
            } else if (attrs.isRegularFile() && !hidden(file)) {
                found.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof FileSystemLoopException) {
                log.debug("not following {}: a symbolic link back to one of its ancestors", file);
                return FileVisitResult.CONTINUE;
            }
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;   // deleted while we walked
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                throw new IOException("permission denied reading " + file + " (a glob never skips what it cannot read)", e);
            }
            throw e;
        }

        private boolean matches(Path p) {
            Path relative = base.relativize(p);
            for (PathMatcher m : matchers) {
                if (m.matches(relative)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hidden(Path p) {
            String name = p.getFileName().toString();
            return name.startsWith(".") || name.startsWith("_");
        }
    }

    private static List<Path> visibleFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith(".") && !name.startsWith("_");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static String missingReason(Path path) {
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "directory " + parent + " does not exist";
        }
        return "no such file " + path;
    }

    /** Nothing matched; {@code reason} (nullable) says why, e.g. a missing directory. */
    static final class NoMatchException extends IOException {
        NoMatchException(String reason) {
            super(reason);
        }
    }
}
