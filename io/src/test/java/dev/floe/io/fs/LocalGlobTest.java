package dev.floe.io.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.FloeIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Globs over symbolic links (loops included), hidden directories, and lists of globs. */
class LocalGlobTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws IOException {
        for (String name : new String[] {"a.csv", "b.csv", "sub/c.csv", "sub/deep/d.csv", "_temporary/x.csv",
                ".git/y.csv", "sub/.cache/z.csv"}) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, name + "\n");
        }
        Files.createSymbolicLink(dir.resolve("sub/deep/loop"), dir);                  // back to an ancestor
        Files.createSymbolicLink(dir.resolve("sub/self"), Path.of("."));               // to itself, relatively
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("sub/deep"));      // not a loop: followed
        Files.createSymbolicLink(dir.resolve("e.csv"), dir.resolve("sub/c.csv"));      // a link to a file
        Files.createSymbolicLink(dir.resolve("broken.csv"), dir.resolve("missing.csv"));
    }

    private List<String> names(String glob) {
        String prefix = "file:" + dir + "/";
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Storage.resolve(glob)).stream()
                .map(f -> f.path().substring(prefix.length())).toList();
    }

    /** The oracle: every path below dir (following links up to a depth) that a plain check accepts. */
    @Test
    void doubleStarFollowsLinksButNotLoops() {
        assertEquals(List.of("a.csv", "b.csv", "e.csv", "linked/d.csv", "sub/c.csv", "sub/deep/d.csv"),
                names(dir + "/**/*.csv"));
        assertEquals(List.of("linked/d.csv", "sub/c.csv"), names(dir + "/*/*.csv"));
        assertEquals(List.of("sub/deep/d.csv"), names(dir + "/sub/**/d.csv"));
        assertEquals(List.of("sub/c.csv", "sub/deep/d.csv"), names(dir + "/s*/**/*.csv"));
    }

    @Test
    void everyMatchIsARealFileOnce() throws IOException {
        // independent check: list every regular file reachable without loops using a plain recursive walk
        List<String> expected = new ArrayList<>();
        collect(dir, "", 0, expected);
        expected.sort(null);
        assertEquals(expected, names(dir + "/**/*.csv"));
    }

    private void collect(Path p, String rel, int depth, List<String> out) throws IOException {
        assertTrue(depth < 10, "runaway recursion at " + p);
        try (Stream<Path> list = Files.list(p)) {
            for (Path child : list.toList()) {
                String name = child.getFileName().toString();
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    Path real = child.toRealPath();
                    boolean loop = false;
                    for (Path a = child.getParent(); a != null && a.startsWith(dir); a = a.getParent()) {
                        loop |= a.toRealPath().equals(real);
                    }
                    if (!loop) {
                        collect(child, childRel, depth + 1, out);
                    }
                } else if (Files.isRegularFile(child) && name.endsWith(".csv")) {
                    out.add(childRel);
                }
            }
        }
    }

    @Test
    void characterClassesAlternativesAndSingleCharacters() {
        assertEquals(List.of("a.csv", "b.csv"), names(dir + "/[ab].csv"));
        assertEquals(List.of("a.csv", "e.csv"), names(dir + "/{a,e}.csv"));
        assertEquals(List.of("a.csv", "b.csv", "e.csv"), names(dir + "/?.csv"));
        assertEquals(List.of("b.csv", "e.csv"), names(dir + "/[!a].csv"));
    }

    @Test
    void hiddenDirectoriesAreNotSearched() {
        assertTrue(names(dir + "/**/*.csv").stream().noneMatch(n -> n.contains("_temporary") || n.contains(".git")
                || n.contains(".cache")));
        // but naming one as the base directory reads it
        assertEquals(List.of("_temporary/x.csv"), names(dir + "/_temporary/*.csv"));
    }

    @Test
    void expandConcatenatesInOrderWithoutDuplicates() {
        List<FileEntry> files = Storage.expand(List.of(dir + "/b.csv", dir + "/*.csv", "file:" + dir + "/a.csv",
                dir + "/sub"));
        String prefix = "file:" + dir + "/";
        assertEquals(List.of("b.csv", "a.csv", "e.csv", "sub/c.csv"),
                files.stream().map(f -> f.path().substring(prefix.length())).toList());
        FloeIOException e = assertThrows(FloeIOException.class,
                () -> Storage.expand(List.of(dir + "/a.csv", dir + "/*.parquet")));
        assertEquals("no files match '" + dir + "/*.parquet'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Storage.expand(List.of()));
    }
}
