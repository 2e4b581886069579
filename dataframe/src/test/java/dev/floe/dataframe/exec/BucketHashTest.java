package dev.floe.dataframe.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.HashCommon;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression: shuffle buckets were cut by the low bits of the very hash that fastutil's tables use to
 * place a key, so a bucket's hash table used every n-th slot only and probing became a scan (a
 * 2-million-row shuffle join took 213 s instead of 1.2 s). The keys of one bucket must spread evenly
 * over the low bits of the hash, and over the pieces of a grace join.
 */
class BucketHashTest {
    @ParameterizedTest(name = "{0} buckets")
    @ValueSource(ints = {2, 4, 8, 16, 3})
    void aBucketsKeysSpreadOverTheLowBitsOfTheirHash(int buckets) {
        int slots = 16;
        int[] bySlot = new int[slots];
        int[] byPiece = new int[7];
        int inBucket = 0;
        for (long key = 0; key < 400_000; key++) {
            int hash = (int) HashCommon.mix(key);
            if (JoinKeys.bucketOf(hash, buckets) != 1) {
                continue;
            }
            inBucket++;
            bySlot[hash & (slots - 1)]++;
            byPiece[HashPieces.pieceOf(hash, byPiece.length)]++;
        }
        for (int c : bySlot) {
            assertTrue(Math.abs(c - inBucket / (double) slots) < 0.1 * inBucket / slots, java.util.Arrays.toString(bySlot));
        }
        for (int c : byPiece) {
            assertTrue(Math.abs(c - inBucket / 7.0) < 0.1 * inBucket / 7, java.util.Arrays.toString(byPiece));
        }
    }
}
