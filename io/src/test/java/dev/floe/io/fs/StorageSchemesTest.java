package dev.floe.io.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.FloeIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown schemes, and where the Hadoop configuration comes from. */
class StorageSchemesTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        StorageTestHooks.reset();
    }

    @Test
    void schemeWhoseJarIsMissing() {
        // core-default.xml names S3AFileSystem, whose class is not here: Hadoop throws a RuntimeException
        FloeIOException e = assertThrows(FloeIOException.class, () -> Storage.resolve("s3a://bucket/data/*.csv"));
        assertTrue(e.getMessage().startsWith("cannot read 's3a://bucket/data/*.csv': no Hadoop FileSystem for the"
                + " scheme 's3a' is on the class path; add the jar that provides it (for s3a: hadoop-aws"), e.getMessage());
        e = assertThrows(FloeIOException.class, () -> Storage.open("s3a://bucket/data/a.csv", 10));
        assertTrue(e.getMessage().contains("scheme 's3a' is on the class path"), e.getMessage());
    }

    @Test
    void schemeHadoopHasNeverHeardOf() {
        // an unknown scheme is an UnsupportedFileSystemException (an IOException)
        FloeIOException e = assertThrows(FloeIOException.class, () -> Storage.resolve("nosuchfs://host/a/*.csv"));
        assertTrue(e.getMessage().startsWith("cannot read 'nosuchfs://host/a/*.csv': no Hadoop FileSystem for the"
                + " scheme 'nosuchfs' is on the class path"), e.getMessage());
    }

    private static void site(Path dir, String file, String key, String value) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), "<?xml version=\"1.0\"?>\n<configuration>\n  <property><name>" + key
                + "</name><value>" + value + "</value></property>\n</configuration>\n");
    }

    @Test
    void hadoopConfDirIsRead() throws IOException {
        Path conf = dir.resolve("conf");
        site(conf, "core-site.xml", "floe.test.core", "from-conf-dir");
        site(conf, "hdfs-site.xml", "floe.test.hdfs", "hdfs-from-conf-dir");
        Path home = dir.resolve("home");
        site(home.resolve("etc/hadoop"), "core-site.xml", "floe.test.core", "from-home");

        Map<String, String> both = Map.of("HADOOP_CONF_DIR", conf.toString(), "HADOOP_HOME", home.toString());
        assertEquals(List.of(conf.resolve("core-site.xml"), conf.resolve("hdfs-site.xml")),
                HadoopConf.siteFiles(both::get));
        Configuration c = HadoopConf.build(both::get);
        assertEquals("from-conf-dir", c.get("floe.test.core"));
        assertEquals("hdfs-from-conf-dir", c.get("floe.test.hdfs"));

        Map<String, String> homeOnly = Map.of("HADOOP_HOME", home.toString());
        assertEquals("from-home", HadoopConf.build(homeOnly::get).get("floe.test.core"));
        Configuration none = HadoopConf.build(Map.<String, String>of()::get);
        assertEquals(null, none.get("floe.test.core"));
        assertEquals("read", none.get("floe.test.classpath-hdfs-site"), "hdfs-site.xml from the test class path");
        // a missing directory is ignored, with a warning
        Map<String, String> missing = Map.of("HADOOP_CONF_DIR", dir.resolve("nope").toString());
        assertEquals(List.of(), HadoopConf.siteFiles(missing::get));

        // the hook swaps the configuration Storage uses
        Storage.useEnvironment(both::get);
        assertEquals("from-conf-dir", Storage.configuration().get("floe.test.core"));
        StorageTestHooks.reset();
        assertEquals(null, Storage.configuration().get("floe.test.core"));
    }

    @Test
    void defaultFsFromTheConfDirResolvesSchemelessHadoopPaths() throws IOException {
        // fs.defaultFS = file:/// from HADOOP_CONF_DIR; a file:/// glob with no authority goes through Hadoop
        Path conf = dir.resolve("conf");
        site(conf, "core-site.xml", "fs.defaultFS", "file:///");
        Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        Storage.useEnvironment(Map.of("HADOOP_CONF_DIR", conf.toString())::get);
        assertEquals("file:///", Storage.configuration().get("fs.defaultFS"));
        List<FileEntry> files = Storage.resolveHadoop("file://" + dir + "/*.csv");
        assertEquals(1, files.size());
        assertEquals(4, files.get(0).length());
    }

    @Test
    void doubleStarOnTheHadoopRouteMatchesTheLocalRoute() throws IOException {
        for (String name : new String[] {"a.csv", "b.txt", "x/c.csv", "x/y/d.csv", "x/y/z/e.csv", "_tmp/f.csv",
                "x/.hidden/g.csv", "x/y/_SUCCESS"}) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, name);
        }
        for (String glob : new String[] {"/**/*.csv", "/x/**/*.csv", "/**/y/*.csv", "/x/**", "/**/[cd].csv"}) {
            List<FileEntry> local = Storage.resolve(dir + glob);
            List<FileEntry> hadoop = Storage.resolveHadoop("file://" + dir + glob);
            assertEquals(local, hadoop, glob);
        }
        assertEquals(4, Storage.resolve(dir + "/**/*.csv").size());   // a, c, d, e: not _tmp/f nor .hidden/g
    }
}
