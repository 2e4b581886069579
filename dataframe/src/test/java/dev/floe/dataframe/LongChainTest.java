package dev.floe.dataframe;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: every operation type-checks its node, and a node's schema came from its input's schema
 * asked more than once (WithColumns twice, Join three times), so a chain of n withColumn calls cost 2^n
 * derivations (20 calls took 1.7 s, 40 never finished). Schemas are now derived once per node.
 */
class LongChainTest {
    @TempDir
    Path dir;

    @Test
    void aLongChainOfOperationsBuildsAndComputes() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "a,b\n1,2\n3,4\n");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            DataFrame df = Floe.readCsv(dir.resolve("a.csv").toString());
            for (int i = 0; i < 300; i++) {
                df = df.withColumn("c" + i, col("a").add(lit(i)));
            }
            for (int i = 0; i < 8; i++) {
                df = df.join(Floe.readCsv(dir.resolve("a.csv").toString()).select(col("a"), col("b").as("b" + i)), "a");
            }
            assertEquals(2 + 300 + 8, df.columns().size());
            assertEquals(2, df.count());
        });
    }
}
