package dev.newsbot.bench;

/**
 * What a benchmark run measures over.
 *
 * @param passages how many passages the searched set is grown to (N)
 * @param sample   how many real passages are embedded for the throughput figures and then replicated to N
 * @param queries  how many timed queries each latency figure is taken from
 * @param warmup   how many untimed queries run first at each stage
 * @param seed     seeds the perturbations and the question choice, so runs are repeatable
 */
public record BenchSettings(int passages, int sample, int queries, int warmup, long seed) {

    public static final int DEFAULT_PASSAGES = 50_000;
    public static final int DEFAULT_SAMPLE = 2_000;
    public static final int DEFAULT_QUERIES = 500;
    public static final int DEFAULT_WARMUP = 200;

    public BenchSettings {
        requireAtLeast(passages, 1, "passages");
        requireAtLeast(sample, 1, "sample");
        requireAtLeast(queries, 1, "queries");
        requireAtLeast(warmup, 0, "warmup");
    }

    public static BenchSettings defaults() {
        return new BenchSettings(DEFAULT_PASSAGES, DEFAULT_SAMPLE, DEFAULT_QUERIES, DEFAULT_WARMUP, 42);
    }

    private static void requireAtLeast(int value, int min, String field) {
        if (value < min) {
            throw new IllegalArgumentException("BenchSettings." + field + " must be at least " + min + ", was " + value);
        }
    }
}
