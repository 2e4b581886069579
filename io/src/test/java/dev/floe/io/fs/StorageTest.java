package dev.floe.io.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.FloeIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : new String[] {"b.csv", "a.csv", "a.txt", "c1.csv", "c2.csv", "_SUCCESS", ".hidden.csv",
                "sub/d.csv", "sub/deep/e.csv", "sub/deep/f.txt"}) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, name + "\n");
        }
    }

    private List<String> names(String glob) {
        String prefix = "file:" + dir + "/";
        return Storage.resolve(glob).stream().map(f -> {
            assertTrue(f.path().startsWith(prefix), f.path());
            return f.path().substring(prefix.length());
        }).toList();
    }

    @Test
    void localGlobs() {
        assertEquals(List.of("a.csv", "b.csv", "c1.csv", "c2.csv"), names(dir + "/*.csv"));
        assertEquals(List.of("c1.csv", "c2.csv"), names(dir + "/c?.csv"));
        assertEquals(List.of("a.csv", "b.csv"), names(dir + "/[ab].csv"));
        assertEquals(List.of("a.csv", "a.txt"), names(dir + "/a.{csv,txt}"));
        assertEquals(List.of("a.csv", "b.csv", "c1.csv", "c2.csv", "sub/d.csv", "sub/deep/e.csv"), names(dir + "/**/*.csv"));
        assertEquals(List.of("sub/d.csv"), names(dir + "/*/*.csv"));
        assertEquals(List.of("a.csv", "a.txt", "b.csv", "c1.csv", "c2.csv"), names(dir.toString()));
        assertEquals(List.of("a.csv"), names("file:" + dir + "/a.csv"));
        assertEquals(List.of("a.csv", "b.csv"), names("file://" + dir + "/[ab].csv"));
        assertEquals(19, Storage.resolve(dir + "/sub/deep/e.csv").get(0).length() + 4);
    }

    @Test
    void relativeGlobsResolveAgainstTheWorkingDirectory() {
        String relative = Path.of("").toAbsolutePath().relativize(dir) + "/c*.csv";
        assertEquals(List.of("c1.csv", "c2.csv"), names(relative));
    }

    @Test
    void noMatch() {
        FloeIOException e = assertThrows(FloeIOException.class, () -> Storage.resolve(dir + "/*.parquet"));
        assertEquals("no files match '" + dir + "/*.parquet'", e.getMessage());
        e = assertThrows(FloeIOException.class, () -> Storage.resolve(dir + "/missing/*.csv"));
        assertEquals("no files match '" + dir + "/missing/*.csv': directory " + dir.resolve("missing") + " does not exist", e.getMessage());
    }

    @Test
    void hadoopRouteOnTheLocalFileSystem() throws IOException {
        // the route that hdfs:// takes, exercised through Hadoop's own local file system
        List<FileEntry> found = Storage.resolveHadoop("file://" + dir + "/*.csv");
        assertEquals(List.of("a.csv", "b.csv", "c1.csv", "c2.csv"),
                found.stream().map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList());
        FloeIOException none = assertThrows(FloeIOException.class, () -> Storage.resolveHadoop("file://" + dir + "/*.parquet"));
        assertEquals("no files match 'file://" + dir + "/*.parquet'", none.getMessage());
        FloeIOException missing = assertThrows(FloeIOException.class, () -> Storage.resolveHadoop("file://" + dir + "/nope.csv"));
        assertTrue(missing.getMessage().startsWith("no files match 'file://" + dir + "/nope.csv'"), missing.getMessage());
        try (ByteSource source = new HadoopByteSource(found.get(0).path(),
                new org.apache.hadoop.fs.Path(found.get(0).path()).getFileSystem(Storage.configuration())
                        .open(new org.apache.hadoop.fs.Path(found.get(0).path())))) {
            byte[] b = new byte[10];
            assertEquals(4, source.read(2, b, 0, 10));
            assertArrayEquals("csv\n".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(b, 4));
        }
    }

    @Test
    void localPaths() {
        assertEquals("/tmp/x.csv", Storage.localPath("/tmp/x.csv"));
        assertEquals("/tmp/x.csv", Storage.localPath("file:/tmp/x.csv"));
        assertEquals("/tmp/x.csv", Storage.localPath("file:///tmp/x.csv"));
        assertEquals("data/x.csv", Storage.localPath("data/x.csv"));
        assertEquals(null, Storage.localPath("hdfs://nn:8020/x.csv"));
    }
}
