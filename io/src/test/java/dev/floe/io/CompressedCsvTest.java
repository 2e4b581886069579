package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .gz, .bz2 and .zst files read as one split each, like the plain file; a truncated or corrupt stream is an error. */
class CompressedCsvTest {
    @TempDir
    Path dir;

    @Test
    void gzipAndBzip2ReadLikeThePlainFile() throws IOException {
        GeneratedCsv generated = GeneratedCsv.generate(3000, 5, "\n");
        byte[] plain = generated.text.getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(plain);
        }
        Path bz = dir.resolve("t.csv.bz2");
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration(false));
        try (OutputStream out = codec.createOutputStream(Files.newOutputStream(bz))) {
            out.write(plain);
        }
        Path zst = dir.resolve("t.csv.zst");
        writeZstd(zst, plain);
        for (Path p : new Path[] {gz, bz, zst}) {
            CsvDataset dataset = CsvDataset.open(p.toString(), CsvOptions.defaults().withBlockSize(1000));
            assertEquals(1, dataset.splits().size(), p.toString());
            try (RootAllocator allocator = new RootAllocator()) {
                assertEquals(generated.rows, TestTables.readAll(dataset, allocator), p.toString());
            }
        }
        // the compression option overrides the extension
        Path renamed = Files.copy(gz, dir.resolve("t.data"));
        CsvDataset dataset = CsvDataset.open(renamed.toString(), CsvOptions.defaults().withCompression("gzip"));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(generated.rows, TestTables.readAll(dataset, allocator));
        }
    }

    @Test
    void aTruncatedGzipIsAnErrorNotAShortRead() throws IOException {
        GeneratedCsv generated = GeneratedCsv.generate(20_000, 6, "\n");
        Path whole = dir.resolve("w.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(generated.text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            CsvDataset dataset = CsvDataset.open(cut.toString(), CsvOptions.defaults());
            try (RootAllocator allocator = new RootAllocator()) {
                TestTables.readAll(dataset, allocator);
            }
        });
        assertTrue(e.getMessage().contains("cut.csv.gz") && e.getMessage().contains("Unexpected end of ZLIB input stream"),
                e.getMessage());
    }

    /**
     * A .bz2 cut anywhere is an error naming the file, never fewer rows: inside its data, and inside its last ten
     * bytes (the end-of-stream marker and combined CRC), where Hadoop's decoder alone reports a clean end.
     */
    @Test
    void aTruncatedOrCorruptBzip2IsAnErrorNotAShortRead() throws IOException {
        GeneratedCsv generated = GeneratedCsv.generate(20_000, 6, "\n");
        Path whole = dir.resolve("w.csv.bz2");
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration(false));
        try (OutputStream out = codec.createOutputStream(Files.newOutputStream(whole))) {
            out.write(generated.text.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(generated.rows.size(), read(whole, CsvOptions.defaults()));
        byte[] bytes = Files.readAllBytes(whole);
        java.util.List<Integer> cuts = new java.util.ArrayList<>(java.util.List.of(bytes.length / 3, bytes.length * 2 / 3));
        for (int k = 1; k <= 12; k++) {
            cuts.add(bytes.length - k);
        }
        for (int keep : cuts) {
            Path cut = dir.resolve("cut-" + keep + ".csv.bz2");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            RuntimeException e = assertThrows(RuntimeException.class, () -> read(cut, CsvOptions.defaults()),
                    "a bz2 cut to " + keep + " of " + bytes.length + " bytes read without an error");
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
        }
    }

    /**
     * The trailer check accepts every whole stream, whatever the padding of its last byte: files of 0 to 40 rows
     * (each ending at a different bit offset) read whole, and each cut by one byte fails.
     */
    @Test
    void everyWholeBzip2ReadsAndEachCutByOneByteFails() throws IOException {
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration(false));
        for (int rows = 0; rows <= 40; rows++) {
            GeneratedCsv generated = GeneratedCsv.generate(rows, rows, "\n");
            Path whole = dir.resolve("n" + rows + ".csv.bz2");
            try (OutputStream out = codec.createOutputStream(Files.newOutputStream(whole))) {
                out.write(generated.text.getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(generated.rows.size(), read(whole, CsvOptions.defaults()), whole.toString());
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve("n" + rows + "-cut.csv.bz2");
            Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1));
            assertThrows(RuntimeException.class, () -> read(cut, CsvOptions.defaults()), cut.toString());
        }
    }

    /**
     * Streams written one after another in one file (as pbzip2 and {@code cat a.bz2 b.bz2} make) read as the
     * concatenation of their data, as bzip2 -d does; and a file from the bzip2 program, where there is one.
     */
    @Test
    void concatenatedBzip2StreamsReadWhole() throws IOException, InterruptedException {
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration(false));
        GeneratedCsv generated = GeneratedCsv.generate(3_000, 11, "\n");
        String text = generated.text;
        int middle = text.indexOf('\n', text.length() / 2) + 1;
        java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
        for (String part : new String[] {text.substring(0, middle), text.substring(middle)}) {
            java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
            try (OutputStream out = codec.createOutputStream(one)) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
            }
            both.write(one.toByteArray());
        }
        Path concatenated = dir.resolve("two.csv.bz2");
        Files.write(concatenated, both.toByteArray());
        assertEquals(generated.rows.size(), read(concatenated, CsvOptions.defaults()));

        Path plain = dir.resolve("cli.csv");
        Files.writeString(plain, text);
        Process bzip2;
        try {
            bzip2 = new ProcessBuilder("bzip2", "-k", plain.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no bzip2 program here: " + e.getMessage());
            return;
        }
        assertEquals(0, bzip2.waitFor());
        assertEquals(generated.rows.size(), read(dir.resolve("cli.csv.bz2"), CsvOptions.defaults()));
    }

    /** How many of this process's file descriptors are open on {@code file} (Linux: /proc/self/fd). */
    private static long openDescriptors(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
        long n = 0;
        try (var links = Files.list(fds)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                try {
                    if (Files.readSymbolicLink(link).equals(file.toAbsolutePath())) {
                        n++;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // a descriptor closed while we listed
                }
            }
        }
        return n;
    }

    /**
     * A file whose header is not the codec's (gzip and bz2 read it as they open): an error naming the file and the
     * codec and saying what to do, and the file is not left open.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gz", "bz2"})
    void aFileThatIsNotItsCodecFailsNamingItAndLeavesNothingOpen(String extension) throws IOException {
        Path f = TestTables.write(dir, "plain.csv." + extension, "x,y\n1,2\n3,4\n");
        for (int attempt = 0; attempt < 3; attempt++) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> read(f, CsvOptions.defaults()));
            String codec = extension.equals("gz") ? "gzip" : "bz2";
            assertTrue(e.getMessage().contains("cannot decompress " + f + " (" + codec + ")")
                    && e.getMessage().contains("the file is truncated or corrupt"), e.getMessage());
        }
        assertEquals(0, openDescriptors(f), "descriptors left open on " + f);
    }

    private static void writeZstd(Path path, byte[]... frames) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            for (byte[] frame : frames) {
                out.write(com.github.luben.zstd.Zstd.compress(frame, 3));
            }
        }
    }

    private static long read(Path p, CsvOptions options) {
        CsvDataset dataset = CsvDataset.open(p.toString(), options);
        try (RootAllocator allocator = new RootAllocator()) {
            return TestTables.readAll(dataset, allocator).size();
        }
    }

    @Test
    void zstdFramesConcatenatedReadAsOneFileAndTheOptionOverridesTheExtension() throws IOException {
        GeneratedCsv generated = GeneratedCsv.generate(5000, 7, "\r\n");
        byte[] plain = generated.text.getBytes(StandardCharsets.UTF_8);
        int cut = generated.text.indexOf("\r\n", plain.length / 2) + 2; // two frames, split at a record boundary
        Path zst = dir.resolve("frames.csv.zst");
        writeZstd(zst, Arrays.copyOf(plain, cut), Arrays.copyOfRange(plain, cut, plain.length));
        CsvDataset dataset = CsvDataset.open(zst.toString(), CsvOptions.defaults().withBlockSize(64));
        assertEquals(1, dataset.splits().size());
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(generated.rows, TestTables.readAll(dataset, allocator));
        }
        Path renamed = Files.copy(zst, dir.resolve("frames.data"));
        CsvOptions sql = CsvOptions.fromMap(java.util.Map.of("compression", "zstd"));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(generated.rows, TestTables.readAll(CsvDataset.open(renamed.toString(), sql), allocator));
        }
    }

    @Test
    void aTruncatedOrCorruptZstdIsAnErrorNamingTheFile() throws IOException {
        GeneratedCsv generated = GeneratedCsv.generate(20_000, 6, "\n");
        byte[] plain = generated.text.getBytes(StandardCharsets.UTF_8);
        Path whole = dir.resolve("w.csv.zst");
        writeZstd(whole, plain);
        assertEquals(generated.rows.size(), read(whole, CsvOptions.defaults()));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.zst");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        RuntimeException e = assertThrows(RuntimeException.class, () -> read(cut, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("Truncated"), e.getMessage());
        // a stream cut exactly between two frames is whole files' worth of records: cut inside the last one instead
        Path corrupt = dir.resolve("bad.csv.zst");
        byte[] flipped = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            flipped[i] ^= 0x5A;
        }
        Files.write(corrupt, flipped);
        RuntimeException c = assertThrows(RuntimeException.class, () -> read(corrupt, CsvOptions.defaults()));
        assertTrue(c.getMessage().contains(corrupt.toString()), c.getMessage());
        Path notZstd = TestTables.write(dir, "a.csv.zst", "not really zstd");
        RuntimeException n = assertThrows(RuntimeException.class, () -> read(notZstd, CsvOptions.defaults()));
        assertTrue(n.getMessage().contains(notZstd.toString()), n.getMessage());
    }
}
