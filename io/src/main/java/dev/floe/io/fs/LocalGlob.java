package dev.floe.io.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Glob expansion on the local file system with {@code java.nio}: {@code *}, {@code ?}, {@code [..]},
 * {@code {a,b}} within one path component and {@code **} across components (also matching zero
 * directories, as in {@code /data/**}{@code /*.csv} matching {@code /data/a.csv}).
 *
 * <p>The pattern is split into a base directory (the leading components without glob characters) and
 * the rest, which is matched against paths relative to the base. A matched directory contributes its
 * visible files (names not starting with {@code .} or {@code _}). The result is sorted by path.
 */
final class LocalGlob {
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
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base, depth)) {
            walk.forEach(p -> {
                Path relative = base.relativize(p);
                if (relative.toString().isEmpty() || !matches(matchers, relative)) {
                    return;
                }
                if (Files.isDirectory(p)) {
                    try {
                        found.addAll(visibleFiles(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (!p.getFileName().toString().startsWith(".")) {
                    found.add(p);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (found.isEmpty()) {
            throw new NoMatchException(null);
        }
        return found.stream().distinct().sorted().toList();
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
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
