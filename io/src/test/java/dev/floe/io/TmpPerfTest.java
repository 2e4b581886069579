package dev.floe.io;

import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TmpPerfTest {
    @TempDir
    Path dir;

    @Test
    void perSplit() throws Exception {
        GeneratedCsv.generate(2000, 42, "\n").writeTo(dir.resolve("lf.csv"));
        CsvDataset ds = CsvDataset.open(dir.resolve("lf.csv").toString(), CsvOptions.defaults().withBlockSize(1));
        try (RootAllocator a = new RootAllocator()) {
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (FileSplit s : ds.splits()) {
                    try (var src = dev.floe.io.fs.Storage.open(s.path())) { }
                }
                long t1 = System.nanoTime();
                for (FileSplit s : ds.splits()) {
                    try (CsvBatchReader r = ds.openSplit(s, a, null)) { }
                }
                long t2 = System.nanoTime();
                for (FileSplit s : ds.splits()) {
                    try (CsvBatchReader r = ds.openSplit(s, a, null)) { while (r.next()) { } }
                }
                long t3 = System.nanoTime();
                System.err.printf("splits %d open %d ms, openSplit %d ms, read %d ms%n", ds.splits().size(), (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000);
            }
        }
    }
}
