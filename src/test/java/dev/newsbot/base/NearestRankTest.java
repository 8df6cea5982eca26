package dev.newsbot.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NearestRankTest {

    @Test
    void should_take_the_value_at_the_rounded_up_rank_of_the_sorted_values() {
        long[] values = {50, 10, 40, 20, 30};

        assertThat(NearestRank.percentile(values, 50)).isEqualTo(30);
        assertThat(NearestRank.percentile(values, 40)).isEqualTo(20);
        assertThat(NearestRank.percentile(values, 41)).isEqualTo(30);
        assertThat(NearestRank.percentile(values, 99)).isEqualTo(50);
        assertThat(NearestRank.percentile(values, 100)).isEqualTo(50);
        assertThat(NearestRank.percentile(values, 0.1)).isEqualTo(10);
        assertThat(values).containsExactly(50, 10, 40, 20, 30);
    }

    @Test
    void should_refuse_no_values_and_a_percentile_out_of_range() {
        assertThatThrownBy(() -> NearestRank.percentile(new long[0], 50))
                .hasMessage("NearestRank.values must not be empty");
        assertThatThrownBy(() -> NearestRank.percentile(new long[] {1}, 0))
                .hasMessage("NearestRank.p must be in (0, 100], was 0.0");
        assertThatThrownBy(() -> NearestRank.percentile(new long[] {1}, 101))
                .hasMessageContaining("NearestRank.p must be in (0, 100]");
    }
}
