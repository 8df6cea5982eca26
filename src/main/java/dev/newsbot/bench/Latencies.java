package dev.newsbot.bench;

import dev.newsbot.base.NearestRank;
import java.util.Arrays;

/**
 * Timed samples of one operation, in nanoseconds, with nearest-rank percentiles in milliseconds. Not thread-safe.
 */
final class Latencies {

    private long[] samples;
    private int size;

    Latencies(int expected) {
        samples = new long[Math.max(1, expected)];
    }

    static Latencies of(long... nanos) {
        Latencies latencies = new Latencies(nanos.length);
        for (long n : nanos) {
            latencies.add(n);
        }
        return latencies;
    }

    void add(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("Latencies sample must not be negative, was " + nanos);
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, 2 * size);
        }
        samples[size++] = nanos;
    }

    int count() {
        return size;
    }

    /**
     * The nearest-rank {@code p}-th percentile in milliseconds: the smallest sample that at least {@code p}
     * percent of the samples do not exceed.
     */
    double percentileMs(double p) {
        if (size == 0) {
            throw new IllegalStateException("Latencies has no samples");
        }
        return NearestRank.percentile(Arrays.copyOf(samples, size), p) / 1e6;
    }

    double p50() {
        return percentileMs(50);
    }

    double p99() {
        return percentileMs(99);
    }
}
