package dev.floe.testdata;

/**
 * The SplitMix64 generator (the algorithm behind {@link java.util.SplittableRandom}), written out so
 * that the sample data cannot change with the JDK: every draw is plain 64-bit integer arithmetic, and
 * the one transcendental step ({@link #nextGaussianPair}) uses {@link StrictMath}, which is specified
 * bit for bit on every platform.
 *
 * <p>Not thread-safe: one instance per shard.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    private SplitMix64(long state) {
        this.state = state;
    }

    /** A generator for one shard: distinct, well-mixed streams for every (seed, shard) pair. */
    static SplitMix64 forShard(long seed, int shard) {
        return new SplitMix64(mix(mix(seed) + GOLDEN_GAMMA * (shard + 1L)));
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform in [0, bound) for 0 < bound &lt;= 2^31, by Lemire's multiply-shift without rejection (the bias,
     * below bound / 2^32, is irrelevant for sample data).
     */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * Two independent standard normal values by Marsaglia's polar method; the first goes to {@code out[0]},
     * the second to {@code out[1]}.
     */
    void nextGaussianPair(double[] out) {
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        out[0] = u * m;
        out[1] = v * m;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
