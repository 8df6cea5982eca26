package dev.newsbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void should_take_the_nearest_rank_percentiles_in_milliseconds() {
        Latencies latencies = new Latencies(2);
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.percentileMs(100)).isEqualTo(100.0);
        assertThat(latencies.percentileMs(0.5)).isEqualTo(1.0);
    }

    @Test
    void should_round_ranks_up_for_small_sample_counts() {
        Latencies latencies = Latencies.of(3_000_000, 1_000_000, 2_000_000);

        assertThat(latencies.p50()).isEqualTo(2.0);
        assertThat(latencies.p99()).isEqualTo(3.0);
        assertThat(Latencies.of(1_500).p50()).isCloseTo(0.0015, within(1e-12));
    }

    @Test
    void should_reject_percentiles_without_samples_or_outside_the_range() {
        assertThatThrownBy(() -> new Latencies(4).p50()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Latencies.of(1).percentileMs(0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Latencies.of(1).percentileMs(101)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Latencies.of(-1)).hasMessageContaining("negative");
    }
}
