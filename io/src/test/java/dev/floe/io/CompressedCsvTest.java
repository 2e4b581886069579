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

/** .gz and .bz2 files read as one split each, like the plain file; a truncated stream is an error. */
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
        for (Path p : new Path[] {gz, bz}) {
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

    @Test
    void zstdSaysItIsNotSupported() throws IOException {
        Path f = TestTables.write(dir, "a.csv.zst", "not really zstd");
        FloeIOException e = assertThrows(FloeIOException.class, () -> CsvDataset.open(f.toString(), CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("zstd (.zst) is not supported"), e.getMessage());
    }
}
