package dev.floe.expressions;

import static dev.floe.expressions.Expressions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The byte-level LIKE matcher (its fast paths and its backtracking wildcard loop) against LIKE written as
 * a java.util.regex, on random patterns over a small alphabet — so that %, _, repeats, multi-byte
 * characters, case and the escape character meet in every combination.
 */
class LikeTest {
    private static final String[] ALPHABET = {"a", "b", "A", "é", "É", "日", "\uD83D\uDE00", "%", "_", "!"};
    private static final Schema SCHEMA = Schema.of(new Field("s", FloeType.STRING));
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private static String random(Random random, int maxLength, int alphabet) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[random.nextInt(alphabet)]);
        }
        return sb.toString();
    }

    @Test
    void randomPatternsMatchTheRegexOracle() {
        Random random = new Random(11);
        int rows = 200;
        Object[] strings = new Object[rows];
        for (int i = 0; i < rows; i++) {
            strings[i] = i % 50 == 0 ? null : random(random, 8, ALPHABET.length);
        }
        int checked = 0;
        try (VectorSchemaRoot batch = Batches.root(SCHEMA, Map.of("s", strings), rows, allocator)) {
            for (int p = 0; p < 600; p++) {
                String pattern = random(random, 6, ALPHABET.length);
                String escape = p % 3 == 0 ? "!" : null;
                if (escape != null && (pattern.endsWith("!") && !pattern.endsWith("!!") || pattern.replace("!!", "").endsWith("!"))) {
                    pattern += "a";
                }
                for (boolean ignoreCase : new boolean[] {false, true}) {
                    Like like = new Like(col("s"), pattern, escape, ignoreCase);
                    java.util.regex.Pattern oracle = FunctionOracle.likeRegex(like);
                    try (ExprEvaluator e = ExprEvaluator.compile(like, SCHEMA, allocator)) {
                        FieldVector v = e.evaluate(batch);
                        for (int i = 0; i < rows; i++) {
                            Object expected = strings[i] == null ? null : oracle.matcher((String) strings[i]).matches();
                            assertEquals(expected, Values.get(v, i), like.toSql() + " on '" + strings[i] + "'");
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(600 * 2 * rows, checked);
    }
}
