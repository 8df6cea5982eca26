package dev.newsbot.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimsTest {

    @Test
    void should_normalise_numbers_and_number_words() {
        assertThat(Claims.numbers("About 1,200 people, twelve boats, 6.10 magnitude, 06 June, 3 billion, dozens"))
                .containsExactlyInAnyOrder("1200", "12", "6.1", "6", "3", "billion", "dozen");
    }

    @Test
    void should_find_capitalised_names_but_not_an_ordinary_first_word() {
        assertThat(Claims.names("Officials in Port Elma told Reuters' reporters about Russian-backed groups."))
                .containsExactly("port", "elma", "reuters", "russian");
        assertThat(Claims.names("Ana Silva scored.")).containsExactly("ana", "silva");
    }

    @Test
    void should_match_whole_words_only() {
        assertThat(Claims.hasWord("the port of elma", "port")).isTrue();
        assertThat(Claims.hasWord("the airport of elma", "port")).isFalse();
        assertThat(Claims.hasWord("the u.s. sent aid", "u.s")).isTrue();
    }
}
