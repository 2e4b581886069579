package dev.floe.io.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Schema;
import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import dev.floe.io.FileSplit;
import dev.floe.io.fs.ByteSource;
import dev.floe.io.fs.FileChangedException;
import dev.floe.io.fs.FileEntry;
import dev.floe.io.fs.Storage;
import dev.floe.io.fs.StorageTestHooks;
import dev.floe.io.write.BatchWriter;
import dev.floe.io.write.CsvWriteOptions;
import dev.floe.io.write.PartitionedOutput;
import dev.floe.io.write.Writers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and writing on a real in-process HDFS (one MiniDFSCluster for the class, 1 MiB blocks): the oracle is
 * the same files read from the local disk, or the rows written.
 */
class HdfsTest {
    private static final Logger log = LoggerFactory.getLogger(HdfsTest.class);
    private static final long BLOCK = 1 << 20;
    private static MiniDFSCluster cluster;
    private static FileSystem fs;
    private static String uri;

    @TempDir
    static Path local;

    @BeforeAll
    static void start() throws IOException {
        Configuration conf = new Configuration();
        conf.setLong("dfs.blocksize", BLOCK);
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Path.of("target", "minidfs",
                "HdfsTest-" + ProcessHandle.current().pid() + "-" + System.nanoTime()).toAbsolutePath().toString());
        // a quick start: no block scanner or directory scanner, frequent heartbeats
        conf.setInt("dfs.block.scanner.volume.bytes.per.second", 0);
        conf.setInt("dfs.datanode.directoryscan.interval", -1);
        conf.setLong("dfs.heartbeat.interval", 1);
        conf.setInt("dfs.namenode.handler.count", 4);
        conf.setInt("dfs.datanode.handler.count", 4);
        long started = System.nanoTime();
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        log.info("MiniDFSCluster up in {} ms", (System.nanoTime() - started) / 1_000_000);
        fs = cluster.getFileSystem();
        uri = fs.getUri().toString();   // hdfs://localhost:port
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            long started = System.nanoTime();
            cluster.shutdown(true);
            log.info("MiniDFSCluster down in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    @AfterEach
    void restoreEnvironment() {
        StorageTestHooks.reset();
    }

    /** A CSV shard with strings that need quoting, NULLs, doubles and timestamps. */
    private static String shard(int index, int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("id,name,value,when,flag\n");
        for (int r = 0; r < rows; r++) {
            sb.append(index * 1_000_000L + r).append(',');
            switch (random.nextInt(5)) {
                case 0 -> sb.append("\"quoted, with comma\"");
                case 1 -> sb.append("\"say \"\"hi\"\"\"");
                case 2 -> { }   // NULL
                case 3 -> sb.append("\"\"");
                default -> sb.append("naïve-").append(random.nextInt(1000));
            }
            sb.append(',').append(random.nextInt(100_000) / 100.0).append(',');
            sb.append(String.format("2024-%02d-%02d %02d:%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60)));
            sb.append(',').append(random.nextBoolean()).append('\n');
        }
        return sb.toString();
    }

    private static void put(String localName, String hdfsPath, String content) throws IOException {
        Path file = local.resolve(localName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.fs.Path(hdfsPath));
    }

    private static CsvOptions options() {
        return CsvOptions.parseDates("when");
    }

    @Test
    void globOfShardsGivesTheSameRowsAsLocal() throws IOException {
        for (int i = 0; i < 5; i++) {
            put("shards/part-" + i + ".csv", "/shards/part-" + i + ".csv", shard(i, 500 + 300 * i, i));
        }
        put("shards/notes.txt", "/shards/notes.txt", "not csv\n");
        CsvDataset remote = CsvDataset.open(uri + "/shards/*.csv", options());
        CsvDataset onDisk = CsvDataset.open(local.resolve("shards") + "/*.csv", options());
        assertEquals(5, remote.files().size());
        assertTrue(remote.files().get(0).startsWith(uri + "/shards/part-0.csv"), remote.files().toString());
        assertEquals(onDisk.schema(), remote.schema());
        try (BufferAllocator allocator = new RootAllocator()) {
            List<List<Object>> expected = Rows.readAll(onDisk, allocator);
            assertEquals(500 + 800 + 1100 + 1400 + 1700, expected.size());
            assertEquals(expected, Rows.readAll(remote, allocator));
        }
    }

    @Test
    void doubleStarGlobsAndListsOfPaths() throws IOException {
        put("tree/a.csv", "/tree/a.csv", shard(4, 10, 4));
        put("tree/x/b.csv", "/tree/x/b.csv", shard(5, 20, 5));
        put("tree/x/y/c.csv", "/tree/x/y/c.csv", shard(6, 30, 6));
        put("tree/_tmp/d.csv", "/tree/_tmp/d.csv", shard(7, 40, 7));
        put("tree/x/e.txt", "/tree/x/e.txt", "text");
        List<String> expected = List.of(uri + "/tree/a.csv", uri + "/tree/x/b.csv", uri + "/tree/x/y/c.csv");
        assertEquals(expected, Storage.resolve(uri + "/tree/**/*.csv").stream().map(FileEntry::path).toList());
        assertEquals(List.of(uri + "/tree/x/b.csv", uri + "/tree/x/e.txt", uri + "/tree/x/y/c.csv"),
                Storage.resolve(uri + "/tree/x/**").stream().map(FileEntry::path).toList());
        assertEquals(List.of(uri + "/tree/x/y/c.csv", uri + "/tree/a.csv"),
                Storage.expand(List.of(uri + "/tree/x/y/c.csv", uri + "/tree/*.csv", uri + "/tree/a.csv"))
                        .stream().map(FileEntry::path).toList());
        try (BufferAllocator allocator = new RootAllocator()) {
            assertEquals(Rows.readAll(CsvDataset.open(local.resolve("tree") + "/**/*.csv", options()), allocator),
                    Rows.readAll(CsvDataset.open(uri + "/tree/**/*.csv", options()), allocator));
        }
    }

    @Test
    void fileLargerThanTheBlockSizeSplitsIntoPartitions() throws IOException {
        String content = shard(9, 60_000, 99);
        assertTrue(content.length() > 2.5 * BLOCK, "make the file span several HDFS blocks: " + content.length());
        put("big/big.csv", "/big/big.csv", content);
        FileStatus status = fs.getFileStatus(new org.apache.hadoop.fs.Path("/big/big.csv"));
        assertTrue(fs.getFileBlockLocations(status, 0, status.getLen()).length >= 3, "blocks on HDFS");

        CsvDataset remote = CsvDataset.open(uri + "/big/big.csv", options().withBlockSize(300_000));
        CsvDataset serial = CsvDataset.open(local.resolve("big/big.csv").toString(), options());
        assertEquals(1, serial.splits().size());
        assertTrue(remote.splits().size() >= 8, remote.toString());
        try (BufferAllocator allocator = new RootAllocator()) {
            List<List<Object>> expected = Rows.readAll(serial, allocator);
            assertEquals(60_000, expected.size());
            assertEquals(expected, Rows.readAll(remote, allocator));
        }
    }

    @Test
    void fileDeletedBetweenListingAndReading() throws IOException {
        put("gone/a.csv", "/gone/a.csv", shard(1, 100, 1));
        put("gone/b.csv", "/gone/b.csv", shard(2, 100, 2));
        CsvDataset dataset = CsvDataset.open(uri + "/gone/*.csv", options());
        assertTrue(fs.delete(new org.apache.hadoop.fs.Path("/gone/b.csv"), false));
        FileSplit split = dataset.splits().get(dataset.splits().size() - 1);
        assertEquals(uri + "/gone/b.csv", split.path());
        try (BufferAllocator allocator = new RootAllocator()) {
            FileChangedException e = assertThrows(FileChangedException.class,
                    () -> dataset.openSplit(split, allocator, null));
            assertTrue(e.getMessage().startsWith("file " + uri + "/gone/b.csv changed or vanished since the query"
                    + " started"), e.getMessage());
            assertEquals(100, Rows.readAll(CsvDataset.open(uri + "/gone/*.csv", options()), allocator).size());
        }
    }

    @Test
    void fileRewrittenShorterBetweenListingAndReading() throws IOException {
        put("short/a.csv", "/short/a.csv", shard(3, 2000, 3));
        CsvDataset dataset = CsvDataset.open(uri + "/short/a.csv", options().withBlockSize(16 << 10));
        long listed = fs.getFileStatus(new org.apache.hadoop.fs.Path("/short/a.csv")).getLen();
        assertTrue(dataset.splits().size() > 1, dataset.toString());
        fs.delete(new org.apache.hadoop.fs.Path("/short/a.csv"), false);
        put("short/b.csv", "/short/a.csv", shard(3, 500, 3));
        long now = fs.getFileStatus(new org.apache.hadoop.fs.Path("/short/a.csv")).getLen();
        try (BufferAllocator allocator = new RootAllocator()) {
            FileChangedException e = assertThrows(FileChangedException.class, () -> Rows.readAll(dataset, allocator));
            assertTrue(e.getMessage().contains("file " + uri + "/short/a.csv changed or vanished since the query started:"
                    + " it was listed with " + listed + " bytes, but it now has " + now + " bytes: the file changed"
                    + " while the query ran; re-run it"), e.getMessage());
        }
    }

    /** Regression: on HDFS only the length was checked, so a file deleted and written again at the same length read the new rows. */
    @Test
    void fileRewrittenWithTheSameLengthBetweenListingAndReading() throws IOException {
        put("same/a.csv", "/same/a.csv", "x,y\n1,2\n3,4\n");
        CsvDataset dataset = CsvDataset.open(uri + "/same/a.csv", CsvOptions.defaults());
        long listedTime = dataset.splits().get(0).modificationTime();
        assertTrue(listedTime > 0, dataset.splits().toString());
        fs.delete(new org.apache.hadoop.fs.Path("/same/a.csv"), false);
        put("same/b.csv", "/same/a.csv", "x,y\n9,9\n9,9\n");
        fs.setTimes(new org.apache.hadoop.fs.Path("/same/a.csv"), listedTime + 5000, -1);
        try (BufferAllocator allocator = new RootAllocator()) {
            FileChangedException e = assertThrows(FileChangedException.class, () -> Rows.readAll(dataset, allocator));
            assertTrue(e.getMessage().contains("it was listed with 12 bytes, but it was rewritten"), e.getMessage());
        }
    }

    @Test
    void openChecksTheListedLengthOnHdfs() throws IOException {
        put("len/a.csv", "/len/a.csv", "x,y\n1,2\n");
        FileEntry listed = Storage.resolve(uri + "/len/a.csv").get(0);
        assertEquals(8, listed.length());
        try (ByteSource source = Storage.open(listed)) {
            byte[] b = new byte[16];
            assertEquals(8, source.read(0, b, 0, 8));
            assertEquals("x,y\n1,2\n", new String(b, 0, 8, StandardCharsets.US_ASCII));
            assertEquals(4, source.read(4, b, 0, 4));   // a jump back seeks
            assertEquals("1,2\n", new String(b, 0, 4, StandardCharsets.US_ASCII));
        }
        // rewritten with another length after the listing
        fs.delete(new org.apache.hadoop.fs.Path("/len/a.csv"), false);
        put("len/a2.csv", "/len/a.csv", "x,y\n1,2\n3,4\n");
        FileChangedException grown = assertThrows(FileChangedException.class, () -> Storage.open(listed));
        assertTrue(grown.getMessage().contains("it was listed with 8 bytes, but it now has 12 bytes"), grown.getMessage());
        fs.delete(new org.apache.hadoop.fs.Path("/len/a.csv"), false);
        FileChangedException gone = assertThrows(FileChangedException.class, () -> Storage.open(listed));
        assertTrue(gone.getMessage().contains("it was listed with 8 bytes, but it no longer exists"), gone.getMessage());
    }

    @Test
    void manyThreadsReadHdfsFilesAtOnce() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String content = shard(20 + i, 200 + 50 * i, i);
            put("many/f" + (10 + i) + ".csv", "/many/f" + (10 + i) + ".csv", content);
            contents.add(content.getBytes(StandardCharsets.UTF_8));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                tasks.add(pool.submit(() -> {
                    List<FileEntry> files = Storage.resolve(uri + "/many/*.csv");
                    for (int k = 0; k < files.size(); k++) {
                        int i = (k + offset) % files.size();
                        try (ByteSource source = Storage.open(files.get(i))) {
                            byte[] b = new byte[(int) files.get(i).length()];
                            int half = b.length / 2;   // the second half first: a seek, then a jump back
                            assertEquals(b.length - half, source.read(half, b, half, b.length - half));
                            assertEquals(half, source.read(0, b, 0, half));
                            assertTrue(Arrays.equals(contents.get(i), b), files.get(i).path());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void schemelessHdfsUrisUseTheDefaultFsFromHadoopConfDir() throws IOException {
        put("conf-data/a.csv", "/conf-data/a.csv", shard(3, 200, 3));
        Path conf = local.resolve("hadoop-conf");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("core-site.xml"), "<?xml version=\"1.0\"?>\n<configuration>\n"
                + "  <property><name>fs.defaultFS</name><value>" + uri + "</value></property>\n</configuration>\n");
        StorageTestHooks.useEnvironment(Map.of("HADOOP_CONF_DIR", conf.toString())::get);
        CsvDataset dataset = CsvDataset.open("hdfs:///conf-data/*.csv", options());
        assertEquals(List.of(uri + "/conf-data/a.csv"), dataset.files());
        try (BufferAllocator allocator = new RootAllocator()) {
            assertEquals(Rows.readAll(CsvDataset.open(local.resolve("conf-data") + "/*.csv", options()), allocator),
                    Rows.readAll(dataset, allocator));
        }
    }

    @Test
    void writersWriteToHdfs() throws IOException {
        List<List<Object>> rows = TestRows.random(3000, 4);
        Schema schema = TestRows.SCHEMA;
        try (BufferAllocator allocator = new RootAllocator()) {
            // one CSV file, read back through CsvDataset
            try (BatchWriter w = Writers.csv(uri + "/written/one.csv", schema, CsvWriteOptions.defaults())) {
                TestRows.write(w, schema, rows, 500, allocator);
                assertEquals(List.of(), visible("/written"), "nothing visible before the commit");
                w.commit();
            }
            assertEquals(List.of("one.csv"), visible("/written"));
            assertEquals(List.of("one.csv"), all("/written"), "no temporary file left");
            assertEquals(rows, Rows.readAll(CsvDataset.open(uri + "/written/one.csv", TestRows.readOptions()), allocator));

            // a directory of parts; the aborted one leaves nothing
            try (PartitionedOutput out = Writers.csvParts(uri + "/parts", schema, CsvWriteOptions.defaults())) {
                try (BatchWriter w = out.part(0)) {
                    TestRows.write(w, schema, rows.subList(0, 1000), 300, allocator);
                    w.commit();
                }
                try (BatchWriter w = out.part(1)) {
                    TestRows.write(w, schema, rows.subList(1000, 3000), 300, allocator);
                    w.commit();
                }
                assertEquals(List.of(), visible("/parts"));
                out.commit();
            }
            assertEquals(List.of("_SUCCESS", "part-00000.csv", "part-00001.csv"), all("/parts"));
            assertEquals(rows, Rows.readAll(CsvDataset.open(uri + "/parts", TestRows.readOptions()), allocator));

            try (PartitionedOutput out = Writers.csvParts(uri + "/aborted", schema, CsvWriteOptions.defaults())) {
                try (BatchWriter w = out.part(0)) {
                    TestRows.write(w, schema, rows, 300, allocator);
                    w.commit();
                }
            }
            assertFalse(fs.exists(new org.apache.hadoop.fs.Path("/aborted")), "the directory the output made is removed");

            // an aborted write keeps a directory that existed before, removes the ones it made
            fs.mkdirs(new org.apache.hadoop.fs.Path("/existing"));
            try (PartitionedOutput out = Writers.csvParts(uri + "/existing", schema, CsvWriteOptions.defaults())) {
                try (BatchWriter w = out.part(0)) {
                    TestRows.write(w, schema, rows.subList(0, 100), 30, allocator);
                    w.commit();
                }
            }
            assertTrue(fs.getFileStatus(new org.apache.hadoop.fs.Path("/existing")).isDirectory());
            assertEquals(List.of(), all("/existing"));
            try (BatchWriter w = Writers.csv(uri + "/existing/new/deeper/one.csv", schema, CsvWriteOptions.defaults())) {
                TestRows.write(w, schema, rows.subList(0, 100), 30, allocator);
                assertEquals(List.of("new"), all("/existing"));
            }   // closed without commit
            assertEquals(List.of(), all("/existing"), "the single file's new directories are removed");

            // Arrow IPC on HDFS, read back with ArrowFileReader from a local copy
            try (BatchWriter w = Writers.arrow(uri + "/written/t.arrow", schema, allocator)) {
                TestRows.write(w, schema, rows, 700, allocator);
                w.commit();
            }
            Path copy = local.resolve("t.arrow");
            fs.copyToLocalFile(new org.apache.hadoop.fs.Path("/written/t.arrow"), new org.apache.hadoop.fs.Path(copy.toUri()));
            assertEquals(rows, TestRows.readArrow(copy, allocator));
        }
    }

    private static List<String> all(String dir) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        if (!fs.exists(p)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (FileStatus s : fs.listStatus(p)) {
            names.add(s.getPath().getName());
        }
        names.sort(null);
        return names;
    }

    private static List<String> visible(String dir) throws IOException {
        return all(dir).stream().filter(n -> !n.startsWith(".")).toList();
    }
}
