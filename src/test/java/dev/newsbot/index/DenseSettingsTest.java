package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How many graph candidates a dense search re-scores, by the passages asked for and the size of the set. */
class DenseSettingsTest {

    private final DenseSettings settings = DenseSettings.DEFAULT;

    @Test
    void should_ask_for_more_candidates_as_the_set_grows_up_to_the_cap() {
        assertThat(settings.candidates(10, 10_000)).isEqualTo(400);
        assertThat(settings.candidates(10, 50_000)).isEqualTo(716);
        assertThat(settings.candidates(10, 250_000)).isEqualTo(1_600);
        assertThat(settings.candidates(10, 1_000_000)).isEqualTo(3_200);
        assertThat(settings.candidates(10, 10_000_000)).isEqualTo(4_000);
        assertThat(settings.candidates(400, 63_854)).isEqualTo(1_600);
    }

    @Test
    void should_ask_for_exactly_the_fixed_count_whatever_the_size() {
        assertThat(settings.fixed(1_000).candidates(10, 10_000_000)).isEqualTo(1_000);
        assertThat(settings.fixed(1_000).candidates(50, 50_000)).isEqualTo(1_000);
    }

    @Test
    void should_name_the_bad_field() {
        assertThatThrownBy(() -> new DenseSettings(4, 400, 4096, 3, 100))
                .hasMessageContaining("DenseSettings.maxCandidates");
        assertThatThrownBy(() -> new DenseSettings(4, 400, 4096, -1, 4000))
                .hasMessageContaining("DenseSettings.perRootOfSize");
    }
}
